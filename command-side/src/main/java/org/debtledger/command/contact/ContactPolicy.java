package org.debtledger.command.contact;

import org.debtledger.callback.CallBackRequested;
import org.debtledger.callback.RequestCallBack;
import org.debtledger.command.callback.CallBackPolicy;
import org.debtledger.command.debt.DebtChecks;
import org.debtledger.command.debt.Rule;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.pause.Pause;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactId;
import org.debtledger.contact.ContactOutcome;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.contact.RecordContact;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtId;
import org.debtledger.debt.DebtorId;
import org.debtledger.pause.Freeze;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.debtledger.command.debt.RuleViolation.check;

/**
 * When a contact is recorded. A contact the debtor made is always recorded, whatever the debt's state: it happened.
 * One the agency makes needs an open debt, no pause that freezes contact, and room under the jurisdiction's limits for
 * its channel, counted over all the debtor's debts. A debtor who asks to be called back books a call-back by the
 * call-back rules. A contact id names one contact of the debt, as a payment id names one payment: the same contact
 * again changes nothing, the id again with other facts is refused. A rule that refuses throws its
 * {@link RuleViolation}.
 */
public record ContactPolicy(DebtId debtId, DebtorId debtorId, Map<ContactChannel, ContactLimit> limits,
                            Pause pause, DebtChecks checks) {

    /** How the id of every letter the ledger sends with a fee begins, and no other contact's. */
    public static final String LETTER = "letter-";

    /**
     * True when this contact was recorded before: the same id with the same direction, channel, outcome and day,
     * which changes nothing (a repeat counts against no limit either).
     */
    public boolean alreadyRecorded(RecordContact command, Optional<ContactRecorded> earlier) {
        if (earlier.isEmpty()) {
            return false;
        }
        ContactRecorded recorded = earlier.get();
        check(recorded.direction() == command.direction() && recorded.channel() == command.channel()
                        && recorded.outcome() == command.outcome() && recorded.date().equals(command.date()),
                Rule.CONTACT_ID_REUSED_WITH_DIFFERENT_FACTS, "contact " + command.contactId() + " was recorded as "
                        + recorded.direction() + " " + recorded.channel() + " " + recorded.outcome() + " on "
                        + recorded.date());
        return true;
    }

    public List<DebtEvent> recorded(RecordContact command, DebtorContacts contacts) {
        // a letter's id is made from its fee's sequence number: another contact named so would share it later
        check(!command.contactId().value().startsWith(LETTER), Rule.CONTACT_ID_RESERVED_FOR_LETTERS,
                "contact ids beginning " + LETTER + " name the letters the ledger sends with a fee");
        LocalDate date = command.date();
        if (command.direction() == ContactDirection.OUTBOUND) {
            checks.requireOpenOn(date);
            requireNotFrozen(date);
            requireUnderTheLimit(command.channel(), date, contacts);
        } else {
            checks.requireRegisteredBy(date);
        }
        List<DebtEvent> events = new ArrayList<>();
        events.add(new ContactRecorded(debtId, debtorId, command.contactId(), command.direction(), command.channel(),
                command.outcome(), date));
        if (command.outcome() == ContactOutcome.CALL_BACK_REQUESTED) {
            check(command.callBackOn() != null && command.callBackFrom() != null && command.callBackTo() != null,
                    Rule.CONTACT_CALL_BACK_DAY_MISSING,
                    "a debtor who asked to be called back said when: callBackOn, callBackFrom and callBackTo");
            CallBackRequested callBack = new CallBackPolicy(debtId, checks).requested(new RequestCallBack(debtId,
                    command.callBackOn(), command.callBackFrom(), command.callBackTo(), date));
            events.add(callBack);
        }
        return events;
    }

    /**
     * The contact a letter charged for is: the agency's, sent. Its fee's rules decide whether it may be sent; a pause
     * that freezes contact stops it too, should a jurisdiction freeze contact and not fees.
     */
    public ContactRecorded letter(ContactId contactId, LocalDate date) {
        requireNotFrozen(date);
        return new ContactRecorded(debtId, debtorId, contactId, ContactDirection.OUTBOUND, ContactChannel.LETTER,
                ContactOutcome.SENT, date);
    }

    private void requireNotFrozen(LocalDate date) {
        check(pause == null || !pause.freezesOn(Freeze.CONTACT, date), Rule.CONTACT_FROZEN_BY_PAUSE,
                "the agency may not contact the debtor while collection is paused for "
                        + (pause == null ? null : pause.reason()) + "; a contact the debtor makes is recorded");
    }

    private void requireUnderTheLimit(ContactChannel channel, LocalDate date, DebtorContacts contacts) {
        ContactLimit limit = limits.get(channel);
        if (limit == null) {
            return;
        }
        List<LocalDate> week = contacts.outbound(debtorId, channel, date.minusDays(6), date);
        long today = week.stream().filter(date::equals).count();
        check(today < limit.perDay(), Rule.CONTACT_LIMIT_REACHED, "the debtor may be contacted by "
                + channel.name().toLowerCase() + " at most " + limit.perDay() + " times a day, over all their debts");
        check(week.size() < limit.perWeek(), Rule.CONTACT_LIMIT_REACHED, "the debtor may be contacted by "
                + channel.name().toLowerCase() + " at most " + limit.perWeek()
                + " times in seven days, over all their debts");
    }
}
