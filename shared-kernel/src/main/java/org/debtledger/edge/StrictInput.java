package org.debtledger.edge;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import java.time.LocalDate;
import java.util.Arrays;

/** What both sides refuse before a request reaches a controller: oversized bodies and loose JSON. */
@Configuration(proxyBeanMethods = false)
public class StrictInput {

    /** Strict JSON at the edge: unknown fields, duplicate keys, nulls for numbers and trailing data are refused. */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // amounts and ids are strings: a JSON number is not silently turned into one
                .withCoercionConfig(LogicalType.Textual, textual -> textual
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("plain-text").addDeserializer(String.class, new PlainText()));
    }

    /** True if {@code text} holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f);
    }

    /** Strings as Jackson reads them, refusing control characters (a NUL cannot even be stored in PostgreSQL text). */
    private static final class PlainText extends StdScalarDeserializer<String> {

        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (hasControlCharacter(text)) {
                throw new IllegalArgumentException("must not contain control characters");
            }
            return text;
        }
    }

    /**
     * Request bodies over 64 KiB (or {@code ledger.api.max-request-bytes}, or a path's own limit) are refused with
     * 413, control characters in the path or parameters with 400.
     */
    @Bean
    RequestLimits requestLimits(@Value("${ledger.api.max-request-bytes:65536}") long limit,
                                ObjectProvider<RequestLimits.ForPath> paths) {
        return new RequestLimits(limit, paths.orderedStream().toList());
    }

    /** Why a body could not be read, in the caller's terms: which field and what it must be, never the parser's internals. */
    public static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null) {
            if (cause instanceof RequestTooLarge || cause instanceof IllegalArgumentException) {
                return cause.getMessage();
            }
            if (cause instanceof DatabindException databind) {
                return path(databind) + ": " + why(databind);
            }
            if (cause instanceof JacksonException jackson) {
                return "the body is not valid JSON: " + firstLine(jackson.getOriginalMessage());
            }
            cause = cause.getCause();
        }
        return "the body is missing or is not valid JSON";
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Why a value was refused, in the API's terms rather than the parser's. */
    private static String why(DatabindException e) {
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        if (e.getCause() instanceof NullPointerException missing && missing.getMessage() != null) {
            return missing.getMessage() + " is missing";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target == LocalDate.class) {
                return "must be an ISO-8601 date such as 2025-03-05";
            }
            if (target.isEnum()) {
                return "must be one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target == String.class) {
                return "must be a string";
            }
            return "has the wrong form";
        }
        return "has the wrong form"; // the parser's own words name the ledger's classes
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid value";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

}
