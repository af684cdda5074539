package org.debtledger.command.debt;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.debtledger.callback.CallBackRequested;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.contact.RecordContact;
import org.debtledger.debt.Balance;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.fee.ChargeFee;
import org.debtledger.fee.FeeType;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.pause.Freeze;
import org.debtledger.pause.PauseReason;
import org.debtledger.pause.ResumeCause;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.Set;

import static org.debtledger.command.debt.DebtFixtures.DEBT;
import static org.debtledger.command.debt.DebtFixtures.DEBTOR;
import static org.debtledger.command.debt.DebtFixtures.POLICY;
import static org.debtledger.command.debt.DebtFixtures.date;
import static org.debtledger.command.debt.DebtFixtures.eur;
import static org.debtledger.command.debt.DebtFixtures.fee;
import static org.debtledger.command.debt.DebtFixtures.fixture;
import static org.debtledger.command.debt.DebtFixtures.letterSent;
import static org.debtledger.command.debt.DebtFixtures.registered;
import static org.debtledger.command.debt.DebtFixtures.violates;

class ContactRulesTest {

    private static final LocalTime NINE = LocalTime.parse("09:00");
    private static final LocalTime NOON = LocalTime.parse("12:00");
    private static final Balance OWED = new Balance(eur("0.00"), eur("0.00"), eur("100.00"));
    private static final CollectionPaused BREATHING_SPACE = new CollectionPaused(DEBT, PauseReason.BREATHING_SPACE,
            date("2025-04-30"), Set.of(Freeze.INTEREST, Freeze.FEES, Freeze.CONTACT), date("2025-03-03"));

    private static RecordContact contact(String id, ContactDirection direction, ContactChannel channel,
                                         ContactOutcome outcome, String date) {
        return new RecordContact(DEBT, new ContactId(id), direction, channel, outcome, null, null, null, date(date));
    }

    private static ContactRecorded recorded(String id, ContactDirection direction, ContactChannel channel,
                                            ContactOutcome outcome, String date) {
        return recorded(DEBT, id, direction, channel, outcome, date);
    }

    private static ContactRecorded recorded(DebtId debt, String id, ContactDirection direction,
                                            ContactChannel channel, ContactOutcome outcome, String date) {
        return new ContactRecorded(debt, DEBTOR, new ContactId(id), direction, channel, outcome, date(date));
    }

    private static ContactRecorded called(String id, String date) {
        return recorded(id, ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.NO_ANSWER, date);
    }

    @Test
    void anAdvisorsCallThatReachedTheDebtorIsRecorded() {
        fixture().given(registered("100.00"))
                .when(contact("c-1", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"))
                .expectEvents(recorded("c-1", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"));
    }

    @Test
    void anOutboundContactWhileAPauseFreezesContactIsRejected() {
        fixture().given(registered("100.00"), BREATHING_SPACE)
                .when(contact("c-1", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.CONTACT_FROZEN_BY_PAUSE));
    }

    @Test
    void theDebtorsOwnCallIsRecordedWhileAPauseFreezesContact() {
        fixture().given(registered("100.00"), BREATHING_SPACE)
                .when(contact("c-1", ContactDirection.INBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"))
                .expectEvents(recorded("c-1", ContactDirection.INBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"));
    }

    @Test
    void anOutboundContactAfterThePauseEndedIsRecorded() {
        fixture().given(registered("100.00"), BREATHING_SPACE,
                        new CollectionResumed(DEBT, PauseReason.BREATHING_SPACE, ResumeCause.RESUMED,
                                date("2025-03-04")))
                .when(contact("c-1", ContactDirection.OUTBOUND, ContactChannel.EMAIL, ContactOutcome.SENT,
                        "2025-03-05"))
                .expectEvents(recorded("c-1", ContactDirection.OUTBOUND, ContactChannel.EMAIL, ContactOutcome.SENT,
                        "2025-03-05"));
    }

    @Test
    void theSameContactRecordedTwiceIsRecordedOnce() {
        fixture().given(registered("100.00"), called("c-1", "2025-03-05"))
                .when(contact("c-1", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.NO_ANSWER,
                        "2025-03-05"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameContactIdWithOtherFactsIsRejected() {
        fixture().given(registered("100.00"), called("c-1", "2025-03-05"))
                .when(contact("c-1", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.CONTACT_ID_REUSED_WITH_DIFFERENT_FACTS));
        fixture().given(registered("100.00"), called("c-1", "2025-03-05"))
                .when(contact("c-1", ContactDirection.INBOUND, ContactChannel.PHONE, ContactOutcome.NO_ANSWER,
                        "2025-03-06"))
                .expectNoEvents()
                .expectException(violates(Rule.CONTACT_ID_REUSED_WITH_DIFFERENT_FACTS));
    }

    @Test
    void aLettersIdGivenToAnotherContactIsRejected() {
        fixture().given(registered("100.00"), recorded("letter-2", ContactDirection.OUTBOUND, ContactChannel.LETTER,
                        ContactOutcome.SENT, "2025-03-05"))
                .when(contact("letter-2", ContactDirection.INBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-06"))
                .expectNoEvents()
                .expectException(violates(Rule.CONTACT_ID_REUSED_WITH_DIFFERENT_FACTS));
    }

    @Test
    void aContactNamedAsTheLettersAreIsRejected() {
        fixture().given(registered("100.00"))
                .when(contact("letter-3", ContactDirection.INBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-06"))
                .expectNoEvents()
                .expectException(violates(Rule.CONTACT_ID_RESERVED_FOR_LETTERS));
    }

    @Test
    void aSecondCallToTheDebtorOnOneDayIsRejected() {
        fixture().given(registered("100.00"), called("c-1", "2025-03-05"))
                .when(contact("c-2", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.CONTACT_LIMIT_REACHED));
    }

    @Test
    void aFourthCallInSevenDaysIsRejectedAndTheEighthDayIsFree() {
        fixture().given(registered("100.00"), called("c-1", "2025-03-03"), called("c-2", "2025-03-05"),
                        called("c-3", "2025-03-07"))
                .when(contact("c-4", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-09"))
                .expectNoEvents()
                .expectException(violates(Rule.CONTACT_LIMIT_REACHED));
        fixture().given(registered("100.00"), called("c-1", "2025-03-03"), called("c-2", "2025-03-05"),
                        called("c-3", "2025-03-07"))
                .when(contact("c-4", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-10"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void callsAboutTheDebtorsOtherDebtsCountAgainstTheLimit() {
        AggregateTestFixture<Debt> fixture = new AggregateTestFixture<>(Debt.class);
        fixture.registerInjectableResource(POLICY);
        fixture.registerInjectableResource(new ScannedDebtHistory(fixture.getEventStore()));
        fixture.registerInjectableResource(new ScannedDebtorContacts(fixture.getEventStore()).andOnOtherDebts(
                recorded(new DebtId("debt-2"), "c-9", ContactDirection.OUTBOUND, ContactChannel.PHONE,
                        ContactOutcome.NO_ANSWER, "2025-03-05")));
        fixture.given(registered("100.00"))
                .when(contact("c-1", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.CONTACT_LIMIT_REACHED));
    }

    @Test
    void aCallDoesNotCountAgainstAnotherChannelNorDoesTheDebtorsOwn() {
        fixture().given(registered("100.00"), called("c-1", "2025-03-05"),
                        recorded("c-2", ContactDirection.INBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                                "2025-03-05"))
                .when(contact("c-3", ContactDirection.OUTBOUND, ContactChannel.SMS, ContactOutcome.SENT,
                        "2025-03-05"))
                .expectSuccessfulHandlerExecution();
        fixture().given(registered("100.00"),
                        recorded("c-1", ContactDirection.INBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                                "2025-03-05"))
                .when(contact("c-2", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aDebtorWhoAsksToBeCalledBackBooksTheCallBack() {
        fixture().given(registered("100.00"))
                .when(new RecordContact(DEBT, new ContactId("c-1"), ContactDirection.OUTBOUND, ContactChannel.PHONE,
                        ContactOutcome.CALL_BACK_REQUESTED, date("2025-03-10"), NINE, NOON, date("2025-03-05")))
                .expectEvents(recorded("c-1", ContactDirection.OUTBOUND, ContactChannel.PHONE,
                                ContactOutcome.CALL_BACK_REQUESTED, "2025-03-05"),
                        new CallBackRequested(DEBT, date("2025-03-10"), NINE, NOON, date("2025-03-05")));
    }

    @Test
    void aCallBackRequestedWithoutItsDayIsRejected() {
        fixture().given(registered("100.00"))
                .when(contact("c-1", ContactDirection.OUTBOUND, ContactChannel.PHONE,
                        ContactOutcome.CALL_BACK_REQUESTED, "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.CONTACT_CALL_BACK_DAY_MISSING));
    }

    @Test
    void aCallBackRequestedForADayGoneByIsRejectedByTheCallBackRules() {
        fixture().given(registered("100.00"))
                .when(new RecordContact(DEBT, new ContactId("c-1"), ContactDirection.INBOUND, ContactChannel.CHAT,
                        ContactOutcome.CALL_BACK_REQUESTED, date("2025-03-04"), NINE, NOON, date("2025-03-05")))
                .expectNoEvents()
                .expectException(violates(Rule.CALL_BACK_DAY_PASSED));
    }

    @Test
    void noOutboundContactOnAClosedDebtButTheDebtorsCallIsRecorded() {
        fixture().given(registered("100.00"), new DebtWrittenOff(DEBT, OWED, "uncollectable", date("2025-03-03")))
                .when(contact("c-1", ContactDirection.OUTBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"))
                .expectNoEvents()
                .expectException(violates(Rule.DEBT_CLOSED));
        fixture().given(registered("100.00"), new DebtSettled(DEBT, date("2025-03-03")))
                .when(contact("c-1", ContactDirection.INBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-03-05"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void noContactIsDatedBeforeTheDebtWasRegistered() {
        fixture().given(registered("100.00"))
                .when(contact("c-1", ContactDirection.INBOUND, ContactChannel.PHONE, ContactOutcome.REACHED,
                        "2025-02-28"))
                .expectNoEvents()
                .expectException(violates(Rule.DATE_BEFORE_REGISTRATION));
    }

    @Test
    void aReminderChargedForIsALetterSentToTheDebtor() {
        fixture().given(registered("100.00"))
                .when(new ChargeFee(DEBT, FeeType.REMINDER, null, null, date("2025-03-05")))
                .expectEvents(fee(FeeType.REMINDER, "5.00", "5.00", "2025-03-05"), letterSent(1, "2025-03-05"));
    }

    @Test
    void noLetterIsChargedForWhileAPauseFreezesContactAndFees() {
        fixture().given(registered("100.00"), BREATHING_SPACE)
                .when(new ChargeFee(DEBT, FeeType.REMINDER, null, null, date("2025-03-05")))
                .expectNoEvents()
                .expectException(violates(Rule.FEES_FROZEN_BY_PAUSE));
    }
}
