package org.debtledger.query.portfolio;

import org.debtledger.query.debt.HistoryReplay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.debtledger.query.projection.ProjectionVersions.active;

/**
 * Checks a debt's part of the portfolio, as the active version holds it, against the fold of the debt's events: its
 * row, its collections by month, its plans and its promises to pay must be equal.
 */
@Component
public class PortfolioReconciliation {

    private final JdbcClient jdbc;

    PortfolioReconciliation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The debt's part as stored; read it before the debt's events, so that they hold every event it applied. */
    public DebtPortfolio stored(String debtId) {
        return PortfolioProjection.read(jdbc, active("portfolio_debt"), active("portfolio_collection"),
                        active("portfolio_plan"), active("portfolio_promise"), List.of(debtId))
                .getOrDefault(debtId, DebtPortfolio.initial(debtId));
    }

    /**
     * What differs between the stored part and the fold of the events it should have applied: those at or before
     * {@code head}, and any later ones it applied already. Empty when nothing does.
     */
    public static Optional<String> difference(DebtPortfolio stored, List<HistoryReplay.Recorded> events, long head) {
        long applied = stored.debt() == null ? -1 : stored.debt().sequenceNumber();
        DebtPortfolio folded = DebtPortfolio.initial(stored.debtId());
        try {
            for (HistoryReplay.Recorded event : events) {
                if (event.position() <= head || event.sequenceNumber() <= applied) {
                    folded = folded.after(event.event(), event.sequenceNumber());
                }
            }
        } catch (RuntimeException e) {
            return Optional.of("the events cannot be folded: " + e.getMessage());
        }
        return Objects.equals(stored, folded) ? Optional.empty()
                : Optional.of("stored " + stored + "; the events give " + folded);
    }
}
