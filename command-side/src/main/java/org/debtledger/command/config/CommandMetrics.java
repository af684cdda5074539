package org.debtledger.command.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.messaging.Message;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.monitoring.MessageMonitor;
import org.debtledger.command.bankfile.LineRule;
import org.debtledger.command.creditor.CreditorRefused;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.debt.DebtCommand;

import java.util.Locale;

/**
 * Counts the commands sent, by type and how each ended ({@code ledger.commands}), and those a named rule refused, by
 * rule ({@code ledger.commands.refused}), as each caller is answered: a command its group had to decide again counts
 * once. A command on a debt never registered is refused as {@code DEBT_UNKNOWN}, as a bank file's line names it.
 * Close of business and bank files send their commands the same way, so they are counted as the API's are. Each try
 * counts: a command retried after losing a race for its debt counts a conflict, then its outcome.
 */
final class CommandMetrics implements MessageMonitor<Message<?>> {

    /** How a command ended. */
    enum Outcome {
        /** handled, and its events stored */
        ACCEPTED,
        /** a named rule refused it, or it named a debt never registered; nothing was written */
        REFUSED,
        /** another change to the same debt came first, or a debt with its id exists already */
        CONFLICT,
        /** anything else: the database out of reach, a fault */
        FAILED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> command) {
        String type = command.getPayloadType().getSimpleName();
        boolean onADebt = DebtCommand.class.isAssignableFrom(command.getPayloadType());
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                count(type, Outcome.ACCEPTED);
            }

            @Override
            public void reportFailure(Throwable cause) {
                String rule = ruleOf(cause, onADebt);
                if (rule != null) {
                    Counter.builder("ledger.commands.refused").description("Commands refused by a named rule")
                            .tag("type", type).tag("rule", rule).register(registry).increment();
                }
                count(type, rule != null ? Outcome.REFUSED : outcomeOf(cause));
            }

            @Override
            public void reportIgnored() {
                count(type, Outcome.FAILED);
            }
        };
    }

    private void count(String type, Outcome outcome) {
        Counter.builder("ledger.commands").description("Commands handled, by type and outcome")
                .tag("type", type).tag("outcome", outcome.tag()).register(registry).increment();
    }

    /** How a command no rule refused ended. */
    private static Outcome outcomeOf(Throwable cause) {
        if (cause instanceof ConcurrencyException || cause instanceof AggregateStreamCreationException) {
            return Outcome.CONFLICT;
        }
        return Outcome.FAILED;
    }

    /** The name of the rule that refused a command, as the problem answer names it; null when no rule did. */
    static String ruleOf(Throwable cause, boolean onADebt) {
        if (onADebt && cause instanceof AggregateNotFoundException) {
            return LineRule.DEBT_UNKNOWN.name();
        }
        if (cause instanceof RuleViolation violation) {
            return violation.rule().name();
        }
        if (cause instanceof CreditorRefused refused) {
            return refused.rule().name();
        }
        return null;
    }
}
