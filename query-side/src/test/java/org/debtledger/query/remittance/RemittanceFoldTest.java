package org.debtledger.query.remittance;

import org.debtledger.audit.Channel;
import org.debtledger.creditor.CreditorContractAgreed;
import org.debtledger.creditor.CreditorRegistered;
import org.debtledger.creditor.CreditorTerms;
import org.debtledger.creditor.Iban;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.query.projection.FoldedRows;
import org.debtledger.query.projection.StoredEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The remittance as its fold gives it, then as the statement splits it by the creditor's contracts; no database. */
class RemittanceFoldTest {

    private static final DebtId DEBT = new DebtId("debt-1");
    private static final CreditorId ACME = new CreditorId("acme-telecom");
    private static final RemittanceProjection PROJECTION = new RemittanceProjection(null);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static Allocation allocation(String fees, String interest, String principal, String credit) {
        return new Allocation(eur(fees), eur(interest), eur(principal), eur(credit));
    }

    private static final PaymentReceived FIRST = new PaymentReceived(DEBT, new PaymentId("RF-1"), eur("20.00"),
            Channel.BANK_FILE, allocation("14.00", "0.66", "5.34", "0.00"), List.of(), date("2025-03-10"));
    private static final PaymentReceived SECOND = new PaymentReceived(DEBT, new PaymentId("RF-2"), eur("120.00"),
            Channel.BANK_FILE, allocation("0.00", "0.12", "94.66", "25.22"), List.of(), date("2025-03-20"));

    /**
     * A month: 14.00 of fees and 0.66 of interest paid on 10 March, the rest paid on 20 March with 25.22 beyond the
     * balance, the first payment reversed by the bank on 25 March, and the credit paid back on 28 March.
     */
    private static final List<DebtEvent> MARCH = List.of(
            new DebtRegistered(DEBT, ACME, new DebtorId("d-1001"), "INV-1",
                    new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband", eur("100.00"),
                    date("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-03-01")),
            new FeeCharged(DEBT, FeeType.DEMAND, eur("14.00"), eur("14.00"), null, date("2025-03-05")),
            FIRST, SECOND, new DebtSettled(DEBT, date("2025-03-20")),
            new PaymentReversed(DEBT, new PaymentId("RF-1"), eur("20.00"), FIRST.allocation(), List.of(),
                    "returned by the bank", date("2025-03-25")),
            new CreditRefunded(DEBT, eur("25.22"), "refund-1", date("2025-03-28")));

    /** Half the interest from February; from 15 March 35 % of it and 2.5 % of the principal. */
    private static final CreditorTerms TERMS = CreditorTerms.of(List.of(
            new CreditorRegistered(ACME, "Acme Telecom Oy", Iban.parse("FI2112345600000785"), date("2025-01-02")),
            new CreditorContractAgreed(ACME, date("2025-02-01"), 5000, 0, date("2025-01-20")),
            new CreditorContractAgreed(ACME, date("2025-03-15"), 3500, 250, date("2025-03-01"))));

    @Test
    void aPaymentAReversalAndARefundAreLinesKeyedOnTheirPositions() {
        List<Map<String, Object>> entries = FoldedRows.of(PROJECTION, MARCH).of("remittance_entry");

        assertThat(entries).extracting(row -> row.get("kind"), row -> row.get("position"), row -> row.get("amount_minor"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PAYMENT", 102L, 2000L),
                        org.assertj.core.groups.Tuple.tuple("PAYMENT", 103L, 12000L),
                        org.assertj.core.groups.Tuple.tuple("REVERSAL", 105L, -2000L),
                        org.assertj.core.groups.Tuple.tuple("REFUND", 106L, -2522L));
        Map<String, Object> reversal = entries.get(2);
        assertThat(reversal.get("business_date")).isEqualTo(date("2025-03-25"));
        assertThat(reversal.get("contract_date")).as("split as its payment was").isEqualTo(date("2025-03-10"));
        assertThat(reversal.get("fees_minor")).isEqualTo(-1400L);
        assertThat(FoldedRows.of(PROJECTION, MARCH).of("remittance_debt")).singleElement()
                .satisfies(row -> assertThat(row.get("creditor_id")).isEqualTo("acme-telecom"));
    }

    @Test
    void anEventAppliedBeforeAddsNoLine() {
        List<StoredEvent> stored = FoldedRows.stored(MARCH);
        DebtRemittance state = DebtRemittance.initial(DEBT.value());
        for (StoredEvent event : stored) {
            state = PROJECTION.evolve(state, event);
        }
        assertThat(PROJECTION.evolve(state, stored.get(2))).isSameAs(state);
    }

    @Test
    void theMonthReconcilesToTheCent() {
        RemittanceStatement statement = new RemittanceStatement(TERMS, date("2025-03-01"), date("2025-03-31"), 0, 100);
        entries(MARCH).forEach(statement::add);
        CreditorRemittance remittance = statement.answer();

        assertThat(remittance.lines()).extracting(CreditorRemittance.Line::kind, CreditorRemittance.Line::collected,
                        CreditorRemittance.Line::kept, CreditorRemittance.Line::remitted)
                .containsExactly(
                        // fees 14.00, half of 0.66 interest (0.33); under February's contract
                        org.assertj.core.groups.Tuple.tuple("PAYMENT", "20.00", "14.33", "5.67"),
                        // 35 % of 0.12 (0.042: 0.04) and 2.5 % of 94.66 (2.3665: 2.37)
                        org.assertj.core.groups.Tuple.tuple("PAYMENT", "94.78", "2.41", "92.37"),
                        // split by the contract of its payment's day, so it takes back exactly what was kept
                        org.assertj.core.groups.Tuple.tuple("REVERSAL", "-20.00", "-14.33", "-5.67"),
                        org.assertj.core.groups.Tuple.tuple("REFUND", "0.00", "0.00", "0.00"));
        assertThat(remittance.lines().get(0).contractFrom()).isEqualTo(date("2025-02-01"));
        assertThat(remittance.lines().get(1).contractFrom()).isEqualTo(date("2025-03-15"));
        assertThat(remittance.totals()).singleElement().satisfies(total -> {
            assertThat(total.currency()).isEqualTo("EUR");
            assertThat(total.lines()).isEqualTo(4);
            assertThat(total.amount()).isEqualTo("94.78");
            assertThat(total.credit()).isEqualTo("0.00");
            assertThat(total.collected()).isEqualTo("94.78");
            assertThat(total.kept()).isEqualTo("2.41");
            assertThat(total.remitted()).isEqualTo("92.37");
        });
    }

    @Test
    void withNoContractTheAgencyKeepsTheFeesAndRemitsTheRest() {
        CreditorTerms none = CreditorTerms.of(List.of(new CreditorRegistered(ACME, "Acme Telecom Oy",
                Iban.parse("FI2112345600000785"), date("2025-01-02"))));
        RemittanceStatement statement = new RemittanceStatement(none, date("2025-03-01"), date("2025-03-31"), 0, 100);
        entries(MARCH.subList(0, 3)).forEach(statement::add);

        CreditorRemittance.Line line = statement.answer().lines().get(0);
        assertThat(line.kept()).isEqualTo("14.00");
        assertThat(line.remitted()).isEqualTo("6.00");
        assertThat(line.contractFrom()).isNull();
    }

    @Test
    void aShareRoundsHalfToEven() {
        assertThat(RemittanceSplit.share(10, 3500)).isEqualTo(4);   // 3.5
        assertThat(RemittanceSplit.share(30, 3500)).isEqualTo(10);  // 10.5
        assertThat(RemittanceSplit.share(-10, 3500)).isEqualTo(-4);
        assertThat(RemittanceSplit.share(9466, 250)).isEqualTo(237); // 236.65
    }

    @Test
    void aPageListsItsLinesAndTheTotalsCoverThePeriod() {
        RemittanceStatement statement = new RemittanceStatement(TERMS, date("2025-03-01"), date("2025-03-31"), 1, 2);
        entries(MARCH).forEach(statement::add);
        CreditorRemittance remittance = statement.answer();

        assertThat(remittance.lines()).extracting(CreditorRemittance.Line::kind).containsExactly("REVERSAL", "REFUND");
        assertThat(remittance.more()).isFalse();
        assertThat(remittance.totals().get(0).lines()).isEqualTo(4);
    }

    /** The lines the fold gives a debt's events, as the projection stores them. */
    static List<RemittanceEntry> entries(List<DebtEvent> events) {
        List<RemittanceEntry> entries = new ArrayList<>();
        DebtRemittance state = DebtRemittance.initial(events.get(0).debtId().value());
        for (StoredEvent event : FoldedRows.stored(events)) {
            DebtRemittance after = state.after(event.event(), event.sequenceNumber());
            if (after != state) {
                after.entry(event.event(), event.position()).ifPresent(entries::add);
            }
            state = after;
        }
        return entries;
    }
}
