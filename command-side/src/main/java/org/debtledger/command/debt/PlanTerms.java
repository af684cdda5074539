package org.debtledger.command.debt;

import org.debtledger.command.plan.PlanPolicy;
import org.debtledger.command.plan.PlanQuote;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.debt.DebtStanding;
import org.debtledger.fee.FeeCharged;
import org.debtledger.interest.InterestPosted;
import org.debtledger.money.Money;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The interest posted and the fee charged when a plan is agreed, and all it must then cover: the same terms whether
 * the plan is agreed or only quoted.
 */
record PlanTerms(int number, Optional<InterestPosted> interest, Optional<FeeCharged> fee, Money total) {

    static PlanTerms of(DebtState state, int instalments, LocalDate date, CollectionPolicy policy) {
        DebtStanding standing = state.standing();
        Optional<InterestPosted> interest = state.interestDue(policy).through(date, state.principal());
        int number = standing.plan() == null ? 1 : standing.plan().number() + 1;
        Optional<FeeCharged> fee = state.feePolicy(policy).planFee(number, instalments, date,
                state.planPolicy(policy).rules().firstPlanFree());
        Money total = standing.outstanding().total()
                .plus(interest.map(InterestPosted::amount).orElse(state.zero()))
                .plus(fee.map(FeeCharged::amount).orElse(state.zero()));
        return new PlanTerms(number, interest, fee, total);
    }

    /** What these terms quote to a plan of {@code instalments}: the next plan's fee and the least instalment too. */
    PlanQuote quote(DebtState state, int instalments, LocalDate date, CollectionPolicy policy) {
        PlanPolicy plans = state.planPolicy(policy);
        Optional<FeeCharged> laterFee = state.feePolicy(policy).laterPlanFee(number, fee, instalments, date,
                plans.rules().firstPlanFree());
        DebtStanding standing = state.standing();
        return new PlanQuote(state.debtId().value(), date, instalments, number, total,
                fee.map(FeeCharged::amount).orElse(null), laterFee.map(FeeCharged::amount).orElse(null),
                plans.rules().minimumInstalment(), standing.plan() != null && standing.plan().inForce());
    }
}
