package org.debtledger.command.calendar;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.debt.CommandDate;
import org.debtledger.debt.DebtCommand;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The window of business dates the ledger takes, held against its own calendar (the agency's today): no date
 * before {@code earliest}; a day on which something happens (a command's date, a payment's value date) at most
 * {@code horizon} ahead; a day a command plans (an instalment, the end of a pause) at most {@code planningHorizon}
 * ahead; close of business at most for tomorrow. Every command is checked before it is dispatched, so no date
 * outside the window reaches a debt, and no computation over the days up to one can run away.
 */
@Component
@EnableConfigurationProperties(BusinessDates.Window.class)
public class BusinessDates implements MessageDispatchInterceptor<CommandMessage<?>> {

    @ConfigurationProperties("ledger.business-dates")
    public record Window(LocalDate earliest, Period horizon, Period planningHorizon) {

        public Window {
            earliest = earliest != null ? earliest : LocalDate.of(2000, 1, 1);
            horizon = horizon != null ? horizon : Period.ofYears(1);
            planningHorizon = planningHorizon != null ? planningHorizon : Period.ofYears(10);
        }
    }

    private final Clock clock;
    private final Window window;

    BusinessDates(Clock clock, Window window) {
        this.clock = clock;
        this.window = window;
    }

    /** Today in the agency's time zone: the one place the command side reads the clock for a business date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Refuses a date outside the window, naming the field and the rule. */
    public void check(CommandDate date) {
        LocalDate latest = today().plus(date.planned() ? window.planningHorizon() : window.horizon());
        within(date.field(), date.date(), latest);
    }

    /** Close of business may run for any date the window holds, up to tomorrow. */
    public void checkCloseOfBusiness(LocalDate businessDate) {
        within("businessDate", businessDate, today().plusDays(1));
    }

    private void within(String field, LocalDate date, LocalDate latest) {
        if (date.isBefore(window.earliest())) {
            throw new RuleViolation(Rule.DATE_BEFORE_EARLIEST, field + " " + date + " is before " + window.earliest()
                    + ", the earliest business date the ledger takes");
        }
        if (date.isAfter(latest)) {
            throw new RuleViolation(Rule.DATE_BEYOND_HORIZON, field + " " + date + " is after " + latest
                    + ", the latest date the ledger takes for it today");
        }
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            if (message.getPayload() instanceof DebtCommand command) {
                command.dates().forEach(this::check);
            }
            return message;
        };
    }
}
