package org.debtledger.command.pause;

import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.debt.DebtChecks;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.PauseCollection;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCause;
import org.debtledger.pause.ResumeCollection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.debtledger.command.debt.RuleViolation.check;

/**
 * When collection may pause and resume, and what a pause freezes, under the jurisdiction's pause rules. One pause
 * at a time; a dispute's pause comes and goes with the dispute. A rule that refuses throws its
 * {@link RuleViolation}; one that passes answers the events to apply.
 */
public record PausePolicy(DebtId debtId, Map<PauseReason, PauseRule> rules, DebtChecks checks) {

    public CollectionPaused pause(PauseCollection command) {
        Pause pause = checks.pause();
        checks.requireOpenOn(command.from());
        check(command.reason() != PauseReason.DISPUTE, Rule.DISPUTE_PAUSE_COMES_WITH_A_DISPUTE,
                "collection pauses for a dispute when the dispute is opened");
        check(pause == null, Rule.ALREADY_PAUSED, "collection is already paused for " + (pause == null ? null
                : pause.reason()));
        PauseRule rule = rules.get(command.reason());
        check(command.until() != null || rule.openEnded(), Rule.PAUSE_NEEDS_END_DATE,
                "a pause for " + command.reason() + " needs an end date");
        check(command.until() == null || !command.until().isBefore(command.from()), Rule.PAUSE_ENDS_BEFORE_IT_STARTS,
                "a pause must not end before it starts");
        return new CollectionPaused(debtId, command.reason(), command.until(), rule.freezes(), command.from());
    }

    public CollectionResumed resume(ResumeCollection command) {
        Pause pause = checks.pause();
        checks.requireOpenOn(command.date());
        check(pause != null, Rule.NOT_PAUSED, "collection is not paused");
        check(pause.reason() != PauseReason.DISPUTE, Rule.DISPUTE_PAUSE_COMES_WITH_A_DISPUTE,
                "a pause for a dispute ends when the dispute is resolved");
        check(!command.date().isBefore(pause.from()), Rule.PAUSE_ENDS_BEFORE_IT_STARTS,
                "collection cannot resume before the pause starts on " + pause.from());
        return new CollectionResumed(debtId, pause.reason(), ResumeCause.RESUMED, command.date());
    }

    /** A dispute opened on {@code date} pauses collection, unless it is paused already. */
    public Optional<CollectionPaused> forDispute(LocalDate date) {
        return checks.pause() == null ? Optional.of(disputePause(date)) : Optional.empty();
    }

    /** A dispute resolved on {@code date} ends the pause it brought. */
    public Optional<CollectionResumed> disputeResolved(LocalDate date) {
        Pause pause = checks.pause();
        return pause != null && pause.reason() == PauseReason.DISPUTE
                ? Optional.of(new CollectionResumed(debtId, PauseReason.DISPUTE, ResumeCause.DISPUTE_RESOLVED, date))
                : Optional.empty();
    }

    /**
     * Close of business on {@code date}: a pause whose last day it is ends, and collection resumes the day after;
     * while a dispute is open it stays stopped, paused for the dispute.
     */
    public List<DebtEvent> endedBy(LocalDate date) {
        Pause pause = checks.pause();
        List<DebtEvent> events = new ArrayList<>();
        if (pause != null && pause.until() != null && !date.isBefore(pause.until())) {
            LocalDate resumedOn = pause.until().plusDays(1);
            events.add(new CollectionResumed(debtId, pause.reason(), ResumeCause.PAUSE_ENDED, resumedOn));
            if (checks.disputed()) {
                events.add(disputePause(resumedOn));
            }
        }
        return events;
    }

    private CollectionPaused disputePause(LocalDate date) {
        return new CollectionPaused(debtId, PauseReason.DISPUTE, null, rules.get(PauseReason.DISPUTE).freezes(), date);
    }
}
