package org.debtledger.command.store;

import org.debtledger.command.contact.DebtorContacts;
import org.debtledger.contact.ContactChannel;
import org.debtledger.contact.ContactDirection;
import org.debtledger.contact.ContactRecorded;
import org.debtledger.debt.DebtorId;
import org.debtledger.eventstore.GroupedStorageEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * A debtor's outbound contacts over all their debts, through the event store's index on the debtor reference of
 * {@code ContactRecorded}. It first takes a lock on the debtor for the rest of the command's transaction: two
 * contacts with one debtor on two of their debts would otherwise both count the same earlier contacts and both pass
 * a limit that only one of them may. The contacts a group commit holds are inserted first, so that it counts them.
 */
@Component
class StoredDebtorContacts implements DebtorContacts {

    private final JdbcClient jdbc;
    private final GroupedStorageEngine storage;

    StoredDebtorContacts(JdbcClient jdbc, GroupedStorageEngine storage) {
        this.jdbc = jdbc;
        this.storage = storage;
    }

    @Override
    public List<LocalDate> outbound(DebtorId debtorId, ContactChannel channel, LocalDate from, LocalDate through) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('contact:' || :debtor, 0))")
                .param("debtor", debtorId.value()).query((rs, row) -> 1).list();
        storage.flush();
        // The event type is written out, not bound, so that the planner always sees it matches the partial index.
        return jdbc.sql("""
                        SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'date')::date FROM domainevententry
                        WHERE contact_debtor_id(payload) = :debtor AND payloadtype = '%s'
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'direction' = :direction
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'channel' = :channel
                          AND (convert_from(payload, 'UTF8')::jsonb ->> 'date')::date BETWEEN :from AND :through"""
                        .formatted(ContactRecorded.class.getName()))
                .param("debtor", debtorId.value())
                .param("direction", ContactDirection.OUTBOUND.name())
                .param("channel", channel.name())
                .param("from", from)
                .param("through", through)
                .query(LocalDate.class)
                .list();
    }
}
