package org.debtledger.query.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How self-service served people, in their own words: after an action a debtor may rate it from 1 to 5 and say why;
 * team leads read the share of positive answers (4 or 5) by month and the latest comments. Nothing in an answer
 * says who gave it.
 */
@RestController
class FeedbackController {

    /** What was rated: the self-service actions, or the service as a whole. */
    enum About { PLAN, EXTENSION, PAUSE, DISPUTE, CALL_BACK, STATEMENT, SERVICE }

    static final int MAX_COMMENT = 1000;
    private static final int COMMENTS_SHOWN = 50;

    private final JdbcClient jdbc;
    private final Clock clock;

    FeedbackController(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Schema(example = """
            {"about": "PLAN", "rating": 5, "comment": "Clear."}""")
    record Feedback(About about, Integer rating, String comment) {
    }

    @Operation(summary = "Give feedback on self-service")
    @PostMapping("/api/v1/self-service/feedback")
    ResponseEntity<Void> give(@RequestBody Feedback body) {
        if (body.about() == null) {
            throw new IllegalArgumentException("about must be one of " + List.of(About.values()));
        }
        if (body.rating() == null || body.rating() < 1 || body.rating() > 5) {
            throw new IllegalArgumentException("rating must be 1 to 5");
        }
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("comment must be at most " + MAX_COMMENT + " characters");
        }
        jdbc.sql("INSERT INTO ledger_private.debtor_feedback (given_on, about, rating, comment)"
                        + " VALUES (:day, :about, :rating, :comment)")
                .param("day", LocalDate.now(clock)).param("about", body.about().name())
                .param("rating", body.rating()).param("comment", comment)
                .update();
        return ResponseEntity.noContent().build();
    }

    record Month(YearMonth month, long answers, long positive, String positiveShare) {
    }

    record Comment(LocalDate givenOn, About about, int rating, String comment) {
    }

    record Summary(YearMonth from, YearMonth to, List<Month> months, List<Comment> comments) {
    }

    /**
     * By month from {@code from} to {@code to} (the last twelve when left out): answers, positive answers (4 or 5)
     * and their share with 4 decimals; and the latest {@value #COMMENTS_SHOWN} comments of the range.
     */
    @Operation(summary = "Debtors' feedback on self-service by month")
    @GetMapping("/api/v1/portfolio/feedback")
    Summary summary(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        PortfolioController.Months range = PortfolioController.Months.of(from, to, clock);
        YearMonth first = range.first();
        YearMonth last = range.last();
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("SELECT to_char(given_on, 'YYYY-MM'), count(*), count(*) FILTER (WHERE rating >= 4)"
                        + " FROM ledger_private.debtor_feedback WHERE given_on >= :from AND given_on < :until"
                        + " GROUP BY 1")
                .param("from", first.atDay(1)).param("until", last.plusMonths(1).atDay(1))
                .query(row -> {
                    counts.put(row.getString(1), new long[]{row.getLong(2), row.getLong(3)});
                });
        List<Month> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            long[] count = counts.getOrDefault(month.toString(), new long[2]);
            months.add(new Month(month, count[0], count[1], PortfolioController.share(count[1], count[0])));
        }
        List<Comment> comments = jdbc.sql("SELECT given_on, about, rating, comment FROM ledger_private.debtor_feedback"
                        + " WHERE comment IS NOT NULL AND given_on >= :from AND given_on < :until"
                        + " ORDER BY given_on DESC, id DESC LIMIT " + COMMENTS_SHOWN)
                .param("from", first.atDay(1)).param("until", last.plusMonths(1).atDay(1))
                .query((row, n) -> new Comment(row.getObject(1, LocalDate.class), About.valueOf(row.getString(2)),
                        row.getInt(3), row.getString(4)))
                .list();
        return new Summary(first, last, months, comments);
    }
}
