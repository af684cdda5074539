package org.debtledger.benchmarks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.audit.Channel;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.debt.RegisterDebt;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeType;
import org.debtledger.money.Money;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.RecordPayment;
import org.debtledger.plan.AgreePaymentPlan;
import org.debtledger.plan.Instalment;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The benchmark's command mix for one client, sent in process through a command gateway instead of over HTTP: register
 * a debt, charge a demand fee, agree a three-instalment plan, then pay three times. The commands carry the values the
 * HTTP mix sends, as the controllers build them; they carry no audit metadata, since no request stands behind them.
 */
final class GatewayCommandMix implements Load.Operation {

    private static final Money INSTALMENT = Money.of("38.22", "EUR");

    private final CommandGateway gateway;
    private DebtId debt;
    private int step;

    GatewayCommandMix(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void run() {
        switch (step++ % 6) {
            case 0 -> {
                debt = new DebtId("debt-" + UUID.randomUUID());
                gateway.sendAndWait(new RegisterDebt(debt, new CreditorId("acme-telecom"), new DebtorId("d-1"), "INV-1",
                        new InvoicePeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)), "Broadband",
                        Money.of("100.00", "EUR"), LocalDate.of(2025, 2, 15), DebtType.CONSUMER, Jurisdiction.FI,
                        false, LocalDate.of(2025, 3, 1)));
            }
            case 1 -> gateway.sendAndWait(new ChargeFee(debt, FeeType.DEMAND, null, null, LocalDate.of(2025, 3, 5)));
            case 2 -> gateway.sendAndWait(new AgreePaymentPlan(debt, List.of(
                    new Instalment(LocalDate.of(2025, 4, 1), INSTALMENT),
                    new Instalment(LocalDate.of(2025, 5, 1), INSTALMENT),
                    new Instalment(LocalDate.of(2025, 6, 1), INSTALMENT)),
                    Channel.SELF_SERVICE, null, null, LocalDate.of(2025, 3, 10)));
            default -> gateway.sendAndWait(new RecordPayment(debt, new PaymentId("RF-" + step), INSTALMENT,
                    LocalDate.of(2025, 3, 31), Channel.BANK_FILE));
        }
    }
}
