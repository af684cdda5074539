package org.debtledger.command.bankfile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.audit.Channel;
import org.debtledger.command.api.Audit;
import org.debtledger.command.api.ProblemAnswers;
import org.debtledger.command.runs.NewRun;
import org.debtledger.command.runs.OperationRuns;
import org.debtledger.command.runs.RunAnswers;
import org.debtledger.edge.RequestLimits;
import org.debtledger.edge.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

@RestController
class BankFileController {

    static final String PATH = "/api/v1/operations/bank-files";
    private static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final BankFileImport bankFiles;
    private final OperationRuns runs;

    BankFileController(BankFileImport bankFiles, OperationRuns runs) {
        this.bankFiles = bankFiles;
        this.runs = runs;
    }

    /**
     * Applies a bank file of incoming payments (text/csv, UTF-8) as the operator who sends it. A malformed file is
     * refused whole; a well-formed line that cannot be applied is reported and the rest are applied. With
     * {@code Prefer: respond-async} a well-formed file is answered 202 at once and applied in the background.
     */
    @Operation(summary = "Apply a bank file of incoming payments", requestBody = @RequestBody(required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"), examples = @ExampleObject("""
                    archive_id,reference,amount,currency,value_date
                    20250610-0001,RF07 ACME 2025 0107,50.00,EUR,2025-06-10
                    """))))
    @PostMapping(PATH)
    ResponseEntity<?> apply(@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                            @RequestHeader(name = "Prefer", required = false) String prefer,
                            @RequestHeader(name = HttpHeaders.CONTENT_DISPOSITION, required = false) String disposition,
                            HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
        requireCsv(contentType);
        MetaData audit = Audit.actingAs(Role.OPERATOR, request).metaData(Channel.BANK_FILE, null);
        // read here, through the request's byte count (ledger.bank-file.max-bytes), so too much is a 413
        byte[] body = request.getInputStream().readAllBytes();
        BankFile file = BankFile.parse(body);
        NewRun run = NewRun.bankFile(fileName(disposition), body.length,
                String.valueOf(audit.get(AuditMetadata.ACTOR_ID)));
        if (RunAnswers.respondAsync(prefer)) {
            return RunAnswers.accepted(runs.inBackground(run, progress -> bankFiles.apply(file, audit, progress)));
        }
        long runId = runs.begin(run);
        return ResponseEntity.ok().header(RunAnswers.RUN_ID, Long.toString(runId))
                .body(runs.carryOut(runId, progress -> bankFiles.apply(file, audit, progress)));
    }

    /** The file's name, when the request gives one: {@code Content-Disposition: attachment; filename="..."}. */
    private static String fileName(String disposition) {
        String name;
        try {
            name = disposition == null ? null : ContentDisposition.parse(disposition).getFilename();
        } catch (RuntimeException unreadable) {
            return null; // the name is only a label for the run: one that cannot be read is left out
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    /**
     * Checked here rather than by the mapping's {@code consumes}, so that the refusal comes from this controller
     * and is answered as problem+json like every other.
     */
    private static void requireCsv(String contentType) throws HttpMediaTypeNotSupportedException {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !type.isCompatibleWith(CSV)) {
            throw new HttpMediaTypeNotSupportedException(type, List.of(CSV), HttpMethod.POST);
        }
    }

    @ExceptionHandler(MalformedBankFile.class)
    ProblemDetail malformed(MalformedBankFile e) {
        MalformedBankFile.Problem first = e.problems().get(0);
        ProblemDetail problem = ProblemAnswers.MALFORMED_BANK_FILE.with(e.getMessage() + "; nothing in the file was applied");
        problem.setProperty("line", first.line());
        problem.setProperty("rule", first.rule().name());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    /** A bank file at month end is far larger than any other request: it has a body limit of its own. */
    @Configuration(proxyBeanMethods = false)
    static class BankFileBodyLimit {

        @Bean
        RequestLimits.ForPath bankFileBodyLimit(@Value("${ledger.bank-file.max-bytes:16777216}") long maxBytes) {
            return new RequestLimits.ForPath(PATH, maxBytes);
        }
    }
}
