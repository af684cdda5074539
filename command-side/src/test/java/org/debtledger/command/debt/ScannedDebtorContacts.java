package org.debtledger.command.debt;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.debtledger.command.contact.DebtorContacts;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.DebtorId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The fixture's debtor contacts: its debt's, as its event store holds them, and those given of other debts. */
final class ScannedDebtorContacts implements DebtorContacts {

    private final EventStore eventStore;
    private final List<ContactRecorded> onOtherDebts = new ArrayList<>();

    ScannedDebtorContacts(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The debtor was also contacted about another of their debts. */
    ScannedDebtorContacts andOnOtherDebts(ContactRecorded... contacts) {
        onOtherDebts.addAll(List.of(contacts));
        return this;
    }

    @Override
    public List<LocalDate> outbound(DebtorId debtorId, ContactChannel channel, LocalDate from, LocalDate through) {
        Stream<ContactRecorded> own = eventStore.readEvents(DebtFixtures.DEBT.value()).asStream()
                .map(message -> message.getPayload()).filter(ContactRecorded.class::isInstance)
                .map(ContactRecorded.class::cast);
        return Stream.concat(own, onOtherDebts.stream())
                .filter(contact -> contact.debtorId().equals(debtorId) && contact.channel() == channel
                        && contact.direction() == ContactDirection.OUTBOUND
                        && !contact.date().isBefore(from) && !contact.date().isAfter(through))
                .map(ContactRecorded::date).toList();
    }
}
