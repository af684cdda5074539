package org.debtledger.command.fee;

import org.debtledger.debt.DebtStatus;
import org.debtledger.command.debt.DebtTerms;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.debt.DebtChecks;
import org.debtledger.command.pause.Pause;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fee rules on plain state: the claim's terms, the fees charged so far, the schedule and the debt's checks. */
class FeePolicyTest {

    private static final DebtId DEBT = new DebtId("debt-1");
    private static final LocalDate DUE = LocalDate.parse("2025-02-15");
    private static final LocalDate REGISTERED = LocalDate.parse("2025-03-01");
    private static final DebtTerms TERMS = new DebtTerms(new CreditorId("acme-telecom"), new DebtorId("d-1001"),
            Money.of("100.00", "EUR"), DUE, DebtType.CONSUMER, Jurisdiction.FI, false, REGISTERED);
    private static final FeeSchedule SCHEDULE = CollectionPolicy.shipped().of(Jurisdiction.FI).fees()
            .get(DebtType.CONSUMER);

    @Test
    void theFirstDemandIsChargedAtItsBandCap() {
        assertThat(policy(FeeHistory.NONE, null).letter(demand("2025-03-05")).amount())
                .isEqualTo(Money.of("14.00", "EUR"));
    }

    @Test
    void aLetterSoonerThanTheIntervalAfterThePreviousOneIsTooSoon() {
        FeeHistory reminded = new FeeHistory(0, 0, LocalDate.parse("2025-03-05"));

        assertThatThrownBy(() -> policy(reminded, null).letter(demand("2025-03-06")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.FEE_TOO_SOON));
    }

    @Test
    void noFeeIsChargedWhileAPauseFreezesFees() {
        Pause counselling = new Pause(PauseReason.COUNSELLING, REGISTERED, LocalDate.parse("2025-04-30"),
                Set.of(Freeze.FEES));

        assertThatThrownBy(() -> policy(FeeHistory.NONE, counselling).letter(demand("2025-03-05")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        violation -> assertThat(violation.rule()).isEqualTo(Rule.FEES_FROZEN_BY_PAUSE));
    }

    private static FeePolicy policy(FeeHistory charged, Pause pause) {
        DebtChecks checks = new DebtChecks(DebtStatus.OPEN, REGISTERED, Currency.getInstance("EUR"), false, false,
                LocalDate.parse("2028-02-15"), pause);
        return new FeePolicy(DEBT, TERMS, DUE, charged, SCHEDULE, checks);
    }

    private static ChargeFee demand(String date) {
        return new ChargeFee(DEBT, FeeType.DEMAND, null, null, LocalDate.parse(date));
    }
}
