package org.debtledger.query.selfservice;

import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtStatus;
import org.debtledger.money.Money;
import org.debtledger.payment.CreditorReference;
import org.debtledger.query.debt.DebtView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a debtor pays a debt: to the agency's account ({@code ledger.self-service.payee.name}, {@code .iban},
 * {@code .bic}) with the debt's RF creditor reference, the one the bank-file import reads the debt back from. An
 * IBAN whose check digits fail stops the start, so a mistyped account is never shown to a debtor.
 */
@Component
class PaymentInstructions {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private final String payeeName;
    private final String iban;
    private final String bic;

    PaymentInstructions(@Value("${ledger.self-service.payee.name}") String payeeName,
                        @Value("${ledger.self-service.payee.iban}") String iban,
                        @Value("${ledger.self-service.payee.bic}") String bic) {
        if (payeeName == null || payeeName.isBlank()) {
            throw new IllegalStateException("ledger.self-service.payee.name must name who the debtor pays");
        }
        this.payeeName = payeeName.strip();
        this.iban = iban.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!IBAN.matcher(this.iban).matches() || !checkDigitsHold(this.iban)) {
            throw new IllegalStateException("ledger.self-service.payee.iban is no IBAN: its form or check digits fail");
        }
        this.bic = bic.strip().toUpperCase(Locale.ROOT);
        if (!BIC.matcher(this.bic).matches()) {
            throw new IllegalStateException("ledger.self-service.payee.bic is no BIC (8 or 11 letters and digits)");
        }
    }

    /** One instalment still to pay, and how much of it is left. */
    record OpenInstalment(int number, LocalDate dueDate, Money amount) {
    }

    /**
     * Whom to pay, with which reference (null for a debt whose id no RF reference can hold: the debtor must not be
     * given one that pays nothing), how much is owed as posted, what settles the debt in full on {@code today}
     * (interest to that day included; null while that half year's reference rate is not recorded), and each open
     * instalment of a plan in force.
     */
    record HowToPay(String payeeName, String iban, String bic, String reference, String referencePrinted,
                    Money amount, LocalDate today, Money settlesToday, List<OpenInstalment> instalments) {
    }

    HowToPay of(DebtView view, LocalDate today, Money settlesToday) {
        CreditorReference reference = referenceOf(view.debtId());
        Money amount = view.status() == DebtStatus.OPEN ? view.outstanding().total()
                : Money.zero(view.outstanding().total().currency());
        List<OpenInstalment> instalments = view.plan() == null || view.plan().status() != DebtView.PlanStatus.ACTIVE
                ? List.of()
                : view.plan().instalments().stream()
                .filter(instalment -> instalment.state() != DebtView.InstalmentState.PAID)
                .map(instalment -> new OpenInstalment(instalment.number(), instalment.dueDate(),
                        instalment.amount().minus(instalment.paid())))
                .toList();
        return new HowToPay(payeeName, iban, bic, reference == null ? null : reference.value(),
                reference == null ? null : reference.printed(), amount, today, settlesToday, instalments);
    }

    /** The debt's reference as {@link CreditorReference#forDebt} makes it, or null when its id is no RF body. */
    static CreditorReference referenceOf(String debtId) {
        try {
            return CreditorReference.forDebt(new DebtId(debtId));
        } catch (IllegalArgumentException noReference) {
            return null;
        }
    }

    /** ISO 13616: the country and check digits moved to the end, letters as numbers, mod 97 is 1. */
    private static boolean checkDigitsHold(String iban) {
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }
}
