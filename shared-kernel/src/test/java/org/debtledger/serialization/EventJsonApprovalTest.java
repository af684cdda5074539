package org.debtledger.serialization;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.debtledger.audit.Channel;
import org.debtledger.callback.CallBackRequested;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.creditor.CreditorContractAgreed;
import org.debtledger.creditor.CreditorDetailsChanged;
import org.debtledger.creditor.CreditorEvent;
import org.debtledger.creditor.CreditorRegistered;
import org.debtledger.creditor.Iban;
import org.debtledger.debt.AdvisorId;
import org.debtledger.debt.Balance;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.ClaimAdjusted;
import org.debtledger.debt.CreditorId;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtType;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.debt.DebtorId;
import org.debtledger.debt.DueDateExtended;
import org.debtledger.debt.InvoicePeriod;
import org.debtledger.debt.Jurisdiction;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeOutcome;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.fee.FeeCharged;
import org.debtledger.fee.FeeType;
import org.debtledger.interest.InterestPosted;
import org.debtledger.interest.InterestSegment;
import org.debtledger.limitation.DebtTimeBarred;
import org.debtledger.limitation.LimitationApproaching;
import org.debtledger.money.Money;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCause;
import org.debtledger.payment.Allocation;
import org.debtledger.payment.BalanceRestated;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentId;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.Affordability;
import org.debtledger.plan.Instalment;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.promise.PromiseBroken;
import org.debtledger.promise.PromiseKept;
import org.debtledger.promise.PromiseToPayMade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the stored JSON of every event. A change here is a schema change: it needs a new revision and an upcaster
 * for the events already stored, not a new approved file. A missing file is written for review and the test fails.
 */
class EventJsonApprovalTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved-events");
    private static final ObjectMapper MAPPER = EventSerialization.objectMapper();
    private static final DebtId DEBT = new DebtId("6f1c2a9e-debt");
    private static final LocalDate DAY = LocalDate.parse("2025-03-05");

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static List<Object> samples() {
        return Stream.concat(debtSamples().stream(), creditorSamples().stream()).toList();
    }

    static List<CreditorEvent> creditorSamples() {
        CreditorId acme = new CreditorId("acme-telecom");
        Iban account = Iban.parse("FI21 1234 5600 0007 85");
        return List.of(
                new CreditorRegistered(acme, "Acme Telecom Oy", account, LocalDate.parse("2025-01-02")),
                new CreditorDetailsChanged(acme, "Acme Telecom Finland Oy", account, LocalDate.parse("2025-02-03")),
                new CreditorContractAgreed(acme, LocalDate.parse("2025-03-01"), 3500, 250,
                        LocalDate.parse("2025-02-20")));
    }

    static List<DebtEvent> debtSamples() {
        Allocation allocation = new Allocation(eur("14.00"), eur("0.66"), eur("5.34"), eur("0.00"));
        List<InstalmentPayment> instalments = List.of(new InstalmentPayment(1, eur("20.00")));
        Balance balance = new Balance(eur("14.00"), eur("0.66"), eur("94.66"));
        return List.of(
                new DebtRegistered(DEBT, new CreditorId("acme-telecom"), new DebtorId("d-1001"), "INV-2025-0042",
                        new InvoicePeriod(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31")),
                        "Broadband, January 2025", eur("100.00"), LocalDate.parse("2025-02-15"), DebtType.CONSUMER,
                        Jurisdiction.FI, false, LocalDate.parse("2025-03-01")),
                new FeeCharged(DEBT, FeeType.DUE_DATE_EXTENSION, eur("5.00"), eur("5.00"), 14, DAY),
                new DueDateExtended(DEBT, LocalDate.parse("2025-02-15"), LocalDate.parse("2025-03-01"), 14,
                        LocalDate.parse("2025-02-16"), DAY),
                new LimitationApproaching(DEBT, LocalDate.parse("2028-02-15"), LocalDate.parse("2027-11-17")),
                new BalanceRestated(DEBT, new PaymentId("RF18539007547034-1"), eur("0.00"), eur("-4.29"),
                        eur("0.00"), eur("0.00"), LocalDate.parse("2025-03-15")),
                new DebtTimeBarred(DEBT, LocalDate.parse("2028-02-15"), LocalDate.parse("2028-02-16")),
                new InterestPosted(DEBT, eur("0.66"), LocalDate.parse("2025-02-16"), List.of(new InterestSegment(
                        LocalDate.parse("2025-02-16"), LocalDate.parse("2025-03-10"), 23, eur("100.00"), 1050)),
                        LocalDate.parse("2025-03-10")),
                new PaymentPlanAgreed(DEBT, 1, List.of(new Instalment(LocalDate.parse("2025-04-01"), eur("57.33")),
                        new Instalment(LocalDate.parse("2025-05-01"), eur("57.33"))), Channel.SELF_SERVICE,
                        new Affordability(eur("1800.00"), eur("1500.00")), null, true, DAY),
                new PaymentReceived(DEBT, new PaymentId("RF18539007547034-1"), eur("20.00"), Channel.BANK_FILE,
                        allocation, instalments, DAY),
                new InstalmentMissed(DEBT, 1, 2, LocalDate.parse("2025-05-01"), eur("57.33"), LocalDate.parse("2025-05-08")),
                new PaymentPlanBroken(DEBT, 1, 2, LocalDate.parse("2025-06-08")),
                new PaymentReversed(DEBT, new PaymentId("RF18539007547034-1"), eur("20.00"), allocation, instalments,
                        "returned by the bank", DAY),
                new CreditRefunded(DEBT, eur("49.60"), "refund-1", DAY),
                new CollectionPaused(DEBT, PauseReason.BREATHING_SPACE, LocalDate.parse("2025-05-03"),
                        new LinkedHashSet<>(List.of(Freeze.INTEREST, Freeze.FEES, Freeze.CONTACT)), DAY),
                new CollectionResumed(DEBT, PauseReason.BREATHING_SPACE, ResumeCause.PAUSE_ENDED,
                        LocalDate.parse("2025-05-04")),
                new DebtDisputed(DEBT, "never ordered", DAY),
                new DisputeResolved(DEBT, DisputeOutcome.UPHELD, DAY),
                new ClaimAdjusted(DEBT, eur("40.00"), "dispute upheld in part", DAY),
                new DebtSettled(DEBT, DAY),
                new DebtWrittenOff(DEBT, balance, "uncollectable", DAY),
                new DebtRecalled(DEBT, balance, "creditor settled directly", DAY),
                new CaseAssigned(DEBT, new AdvisorId("advisor-7"), DAY),
                new CallBackRequested(DEBT, LocalDate.parse("2025-03-10"), LocalTime.parse("09:00"),
                        LocalTime.parse("12:00"), DAY),
                // ---- promises to pay
                new PromiseToPayMade(DEBT, 1, eur("50.00"), LocalDate.parse("2025-03-20"),
                        LocalDate.parse("2025-03-22"), Channel.ADVISOR_PHONE, DAY),
                new PromiseKept(DEBT, 1, eur("50.00"), eur("50.00"), LocalDate.parse("2025-03-19")),
                new PromiseBroken(DEBT, 1, eur("50.00"), eur("20.00"), LocalDate.parse("2025-03-23")),
                // ---- the contact log
                new ContactRecorded(DEBT, new DebtorId("d-1001"), new ContactId("contact-1"),
                        ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED, DAY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theStoredJsonOfEveryEventIsPinned(Object event) throws IOException {
        Path file = APPROVED.resolve(event.getClass().getSimpleName() + ".json");
        String json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n";
        if (!Files.exists(file)) {
            Files.writeString(file, json, StandardCharsets.UTF_8);
            throw new AssertionError("wrote " + file + " for review; commit it to approve it");
        }
        assertThat(json).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(MAPPER.readValue(Files.readString(file), event.getClass())).isEqualTo(event);
    }

    @Test
    void everyEventIsPinnedAndHasARevision() {
        Set<String> events = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.debtledger").stream()
                .filter(type -> (type.isAssignableTo(DebtEvent.class) || type.isAssignableTo(CreditorEvent.class))
                        && !type.isInterface())
                .peek(type -> assertThat(type.isAnnotatedWith(Revision.class)).as(type.getName()).isTrue())
                .map(JavaClass::getSimpleName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> sampled = samples().stream().map(event -> event.getClass().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(sampled).isEqualTo(events);
    }
}
