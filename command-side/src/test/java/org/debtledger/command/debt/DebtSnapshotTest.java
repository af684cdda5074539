package org.debtledger.command.debt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.debtledger.fee.FeeType;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.serialization.EventSerialization;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.allocation;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fee;
import static org.debtledger.command.debt.DebtFixtures.instalment;
import static org.debtledger.command.debt.DebtFixtures.paid;
import static org.debtledger.command.debt.DebtFixtures.planAgreed;
import static org.debtledger.command.debt.DebtFixtures.registered;

/** A snapshot keeps every field the debt decides on: read back from its JSON, the debt writes the same JSON. */
class DebtSnapshotTest {

    private final ObjectMapper json = EventSerialization.objectMapper();

    @Test
    void aDebtReadBackFromItsSnapshotHoldsWhatItHeld() throws Exception {
        Debt debt = new Debt();
        debt.on(registered("100.00"), 0);
        debt.on(fee(FeeType.DEMAND, "14.00", "14.00", "2025-03-05"), 1);
        debt.on(planAgreed(1, "2025-03-06", instalment("2025-04-01", "57.00"), instalment("2025-05-01", "57.00")),
                2);
        debt.on(paid("RF18-1", "20.00", "2025-03-10", allocation("14.00", "0.00", "6.00", "0.00"),
                new InstalmentPayment(1, eur("20.00"))), 3);
        debt.on(new CollectionPaused(DEBT, PauseReason.COUNSELLING, date("2025-06-30"), Set.of(Freeze.FEES),
                date("2025-04-02")), 4);
        debt.on(new LimitationApproaching(DEBT, date("2028-03-10"), date("2027-12-11")), 5);
        debt.on(new DebtTimeBarred(DEBT, date("2028-03-10"), date("2028-03-11")), 6);

        String written = json.writeValueAsString(debt);

        assertThat(json.writeValueAsString(json.readValue(written, Debt.class))).isEqualTo(written);
        JsonNode standing = json.readTree(written).path("state").path("standing");
        assertThat(standing.path("timeBarred").asBoolean()).isTrue();
        assertThat(standing.path("plan").path("instalments").get(0).path("paid").path("amount").asText())
                .isEqualTo("20.00");
    }
}
