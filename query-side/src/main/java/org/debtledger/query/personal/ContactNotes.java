package org.debtledger.query.personal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What was said in each contact with a debtor, filed under the contact's id on its debt: personal data, encrypted
 * under the debtor's key in {@link PersonalDataStore} and erased with the rest of it. The contact's event carries only
 * the facts.
 */
@Component
public class ContactNotes {

    /** The longest note, in characters: a note says what was said, the case's documents are kept elsewhere. */
    public static final int MAX_LENGTH = 1000;

    private final JdbcClient jdbc;
    private final PersonalDataStore store;

    ContactNotes(JdbcClient jdbc, PersonalDataStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public record Note(String contactId, String note, Instant writtenAt, String writtenBy) {
    }

    /** Files the note of a contact recorded on the debt, replacing the one filed before. */
    @Transactional
    public void put(String debtorId, String debtId, String contactId, String note, String actorId) {
        PersonalDataStore.Sealed sealed = store.seal(debtorId, associatedData(debtorId, debtId, contactId),
                note.getBytes(StandardCharsets.UTF_8));
        jdbc.sql("INSERT INTO ledger_private.contact_note (debt_id, contact_id, debtor_id, nonce, ciphertext,"
                        + " written_at, written_by) VALUES (:debt, :contact, :debtor, :nonce, :ciphertext,"
                        + " clock_timestamp(), :actor) ON CONFLICT (debt_id, contact_id) DO UPDATE SET"
                        + " debtor_id = excluded.debtor_id, nonce = excluded.nonce, ciphertext = excluded.ciphertext,"
                        + " written_at = excluded.written_at, written_by = excluded.written_by")
                .param("debt", debtId).param("contact", contactId).param("debtor", debtorId)
                .param("nonce", sealed.nonce()).param("ciphertext", sealed.ciphertext()).param("actor", actorId)
                .update();
    }

    /** The notes filed on the debt, oldest first. */
    @Transactional(readOnly = true)
    public List<Note> of(String debtorId, String debtId) {
        return jdbc.sql("SELECT n.contact_id, k.kek_id, k.wrapped_key, n.nonce, n.ciphertext, n.written_at,"
                        + " n.written_by FROM ledger_private.contact_note n"
                        + " JOIN ledger_private.debtor_key k ON k.debtor_id = n.debtor_id"
                        + " WHERE n.debt_id = :debt AND n.debtor_id = :debtor ORDER BY n.written_at, n.contact_id")
                .param("debt", debtId).param("debtor", debtorId)
                .query((row, n) -> {
                    String contactId = row.getString(1);
                    byte[] note = store.open(debtorId, row.getString(2), row.getBytes(3),
                            associatedData(debtorId, debtId, contactId),
                            new PersonalDataStore.Sealed(row.getBytes(4), row.getBytes(5)));
                    return new Note(contactId, new String(note, StandardCharsets.UTF_8),
                            row.getTimestamp(6).toInstant(), row.getString(7));
                })
                .list();
    }

    /** Whether the debtor's personal data, their notes with it, was erased: a read answers that, not an empty list. */
    public boolean erased(String debtorId) {
        return store.erased(debtorId);
    }

    /** A note opens only as the note of the contact, debt and debtor it was filed for. */
    private static String associatedData(String debtorId, String debtId, String contactId) {
        return "contact-note\n" + debtorId + "\n" + debtId + "\n" + contactId;
    }
}
