package org.debtledger.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refuses request bodies over a limit (64 KiB unless configured, more for the paths a side names with a
 * {@link ForPath}): by their declared length at once, and by counting when the length is not declared, so an
 * oversized body is never buffered whole. Refuses control characters in the path and the parameters too: no id or
 * filter has one, and PostgreSQL refuses NUL in text.
 */
public class RequestLimits extends OncePerRequestFilter {

    /** Another limit for the body of requests to exactly this path, such as a bank file's. */
    public record ForPath(String path, long maxBytes) {
    }

    private final long defaultLimit;
    private final Map<String, Long> limitsByPath;

    RequestLimits(long defaultLimit, List<ForPath> paths) {
        this.defaultLimit = defaultLimit;
        this.limitsByPath = paths.stream().collect(Collectors.toUnmodifiableMap(ForPath::path, ForPath::maxBytes));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitsByPath.getOrDefault(request.getRequestURI().substring(request.getContextPath().length()),
                defaultLimit);
        if (request.getContentLengthLong() > limit) {
            LedgerSecurity.problem(request, response, Problems.REQUEST_TOO_LARGE, "the request body is larger than " + limit + " bytes");
            return;
        }
        if (StrictInput.hasControlCharacter(decoded(request.getRequestURI()))
                || request.getParameterMap().entrySet().stream().anyMatch(parameter ->
                StrictInput.hasControlCharacter(parameter.getKey())
                        || java.util.Arrays.stream(parameter.getValue()).anyMatch(StrictInput::hasControlCharacter))) {
            LedgerSecurity.problem(request, response, Problems.MALFORMED_REQUEST, "the path and the parameters must not contain control characters");
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private static String decoded(String uri) {
        try {
            return java.net.URLDecoder.decode(uri, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return uri; // the path's own parsing refuses it
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream body = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = body.read();
                    if (b >= 0 && ++read > limit) {
                        throw new RequestTooLarge(limit);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = body.read(buffer, offset, length);
                    if (n > 0 && (read += n) > limit) {
                        throw new RequestTooLarge(limit);
                    }
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return body.isFinished();
                }

                @Override
                public boolean isReady() {
                    return body.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    body.setReadListener(listener);
                }
            };
        }
    }
}
