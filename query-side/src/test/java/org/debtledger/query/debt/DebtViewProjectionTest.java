package org.debtledger.query.debt;

import org.axonframework.messaging.MetaData;
import org.debtledger.audit.AuditMetadata;
import org.debtledger.audit.Channel;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.query.projection.FoldedRows;
import org.debtledger.query.projection.ReadModelJson;
import org.debtledger.query.projection.StoredEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The debt view and the audit timeline as their fold gives them, with no database. */
class DebtViewProjectionTest {

    private static final DebtId DEBT = new DebtId("debt-1");
    private static final DebtViewProjection PROJECTION = new DebtViewProjection(null);

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    private static final List<DebtEvent> HISTORY = List.of(
            new DebtRegistered(DEBT, new CreditorId("acme-telecom"), new DebtorId("d-1001"), "INV-1",
                    new InvoicePeriod(date("2025-01-01"), date("2025-01-31")), "Broadband", eur("100.00"),
                    date("2025-02-15"), DebtType.CONSUMER, Jurisdiction.FI, false, date("2025-03-01")),
            new FeeCharged(DEBT, FeeType.DEMAND, eur("14.00"), eur("14.00"), null, date("2025-03-05")),
            new PaymentReceived(DEBT, new PaymentId("RF-1"), eur("50.00"), Channel.BANK_FILE,
                    new Allocation(eur("14.00"), eur("0.00"), eur("36.00"), eur("0.00")), List.of(),
                    date("2025-03-31")));

    @Test
    void everyEventIsATimelineEntryWithTheBalanceAfterIt() {
        FoldedRows rows = FoldedRows.of(PROJECTION, HISTORY);

        assertThat(rows.of("audit_entry")).extracting(row -> row.get("event_type"))
                .containsExactly("DebtRegistered", "FeeCharged", "PaymentReceived");
        assertThat(rows.of("audit_entry")).extracting(row -> row.get("position")).containsExactly(100L, 101L, 102L);
        Map<String, Object> balance = ReadModelJson.readObject((String) rows.of("audit_entry").get(2)
                .get("balance_after"));
        assertThat(balance.keySet()).containsExactly("outstanding", "paid", "credit");
    }

    @Test
    void theDebtHasOneViewRowAfterItsLastEvent() {
        List<Map<String, Object>> views = FoldedRows.of(PROJECTION, HISTORY).of("debt_view");

        assertThat(views).hasSize(1);
        assertThat(views.get(0)).containsEntry("debt_id", "debt-1").containsEntry("debtor_id", "d-1001")
                .containsEntry("status", "OPEN").containsEntry("sequence_number", 2L).containsEntry("position", 102L);
        DebtView view = ReadModelJson.read((String) views.get(0).get("view"), DebtView.class);
        assertThat(view.outstanding().total()).isEqualTo(eur("64.00"));
        assertThat(view.paid()).isEqualTo(eur("50.00"));
    }

    @Test
    void theTimelineSaysWhoCausedTheEvent() {
        StoredEvent fee = FoldedRows.event(HISTORY.get(1), 1, MetaData.with(AuditMetadata.ACTOR_ID, "advisor-7")
                .and(AuditMetadata.CHANNEL, "BACK_OFFICE"));
        DebtView registered = PROJECTION.evolve(null, FoldedRows.stored(HISTORY).get(0));
        FoldedRows rows = new FoldedRows();

        PROJECTION.eventRows(fee, PROJECTION.evolve(registered, fee), rows);

        assertThat(rows.of("audit_entry").get(0)).containsEntry("actor_id", "advisor-7")
                .containsEntry("channel", "BACK_OFFICE").containsEntry("business_date", date("2025-03-05"));
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        List<StoredEvent> events = FoldedRows.stored(HISTORY);
        DebtView view = null;
        for (StoredEvent event : events) {
            view = PROJECTION.evolve(view, event);
        }

        assertThat(PROJECTION.evolve(view, events.get(1))).isSameAs(view);
    }
}
