package org.debtledger.command.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.monitoring.MessageMonitor;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.debt.AdvisorId;
import org.debtledger.debt.AssignCase;
import org.debtledger.debt.DebtId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CommandMetrics metrics = new CommandMetrics(registry);

    @Test
    void aCommandRefusedByARuleIsCountedAsRefusedAndUnderItsRule() {
        callback().reportFailure(new RuleViolation(Rule.DEBT_CLOSED, "the debt is closed"));

        assertThat(count("ledger.commands", "outcome", "refused")).isEqualTo(1);
        assertThat(registry.get("ledger.commands.refused").tag("type", "AssignCase").tag("rule", "DEBT_CLOSED")
                .counter().count()).isEqualTo(1);
    }

    @Test
    void eachOutcomeIsCountedByTheCommandsType() {
        callback().reportSuccess();
        callback().reportSuccess();
        callback().reportFailure(new ConcurrencyException("another change came first"));
        callback().reportFailure(new IllegalStateException("the database is out of reach"));

        assertThat(count("ledger.commands", "outcome", "accepted")).isEqualTo(2);
        assertThat(count("ledger.commands", "outcome", "conflict")).isEqualTo(1);
        assertThat(count("ledger.commands", "outcome", "failed")).isEqualTo(1);
        assertThat(registry.find("ledger.commands.refused").counters()).as("no rule refused any").isEmpty();
    }

    @Test
    void aCommandOnADebtNeverRegisteredIsRefusedAsDebtUnknown() {
        callback().reportFailure(new AggregateNotFoundException("debt-1", "no such debt"));

        assertThat(count("ledger.commands", "outcome", "refused")).isEqualTo(1);
        assertThat(registry.get("ledger.commands.refused").tag("rule", "DEBT_UNKNOWN").counter().count()).isEqualTo(1);
    }

    private MessageMonitor.MonitorCallback callback() {
        return metrics.onMessageIngested(GenericCommandMessage.asCommandMessage(
                new AssignCase(new DebtId("debt-1"), new AdvisorId("advisor-7"), LocalDate.of(2025, 3, 1))));
    }

    private double count(String name, String tag, String value) {
        return registry.get(name).tag("type", "AssignCase").tag(tag, value).counter().count();
    }
}
