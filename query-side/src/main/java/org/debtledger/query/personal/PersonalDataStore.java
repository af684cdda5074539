package org.debtledger.query.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Debtors' personal data, each debtor's under its own AES-256-GCM key. Erasure destroys the key: the ciphertext
 * left here can no longer be read, while the debtor's debts, balances and history, which never held the data,
 * stay whole. Each key is stored wrapped under the KEK ({@link DebtorKeyWrapping}), which is never in this
 * database: the database, or a backup of it, alone reads no one's data. Names are found through a blind
 * {@link NameIndex}, kept with the data and erased with it; so are the notes of the debtor's contacts
 * ({@link ContactNotes}), under the same key.
 */
@Component
public class PersonalDataStore {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TAG_BITS = 128;

    private final JdbcClient jdbc;
    private final DebtorKeyWrapping wrapping;
    private final NameIndex names;

    PersonalDataStore(JdbcClient jdbc, DebtorKeyWrapping wrapping, NameIndex names) {
        this.jdbc = jdbc;
        this.wrapping = wrapping;
        this.names = names;
    }

    /** What is known of a debtor: its data, or when it was erased. */
    public sealed interface Found {
    }

    public record Readable(PersonalData data, Instant updatedAt, String updatedBy) implements Found {
    }

    public record Erased(Instant erasedAt) implements Found {
    }

    /** Stores the debtor's data, replacing what was there, under the debtor's key (a new one if it has none). */
    @Transactional
    public void put(String debtorId, PersonalData data, String actorId) {
        Sealed sealed = seal(debtorId, debtorId, json(data));
        byte[] nonce = sealed.nonce();
        byte[] ciphertext = sealed.ciphertext();
        jdbc.sql("INSERT INTO ledger_private.debtor_personal_data (debtor_id, nonce, ciphertext, updated_at,"
                        + " updated_by, name_indexed) VALUES (:debtor, :nonce, :ciphertext, clock_timestamp(), :actor,"
                        + " true) ON CONFLICT (debtor_id) DO UPDATE SET nonce = excluded.nonce,"
                        + " ciphertext = excluded.ciphertext, updated_at = excluded.updated_at,"
                        + " updated_by = excluded.updated_by, name_indexed = true")
                .param("debtor", debtorId).param("nonce", nonce).param("ciphertext", ciphertext)
                .param("actor", actorId).update();
        names.replace(debtorId, data.name());
    }

    /** Puts the names of data stored before the name index was kept into it, once, when the ledger is ready. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void indexNamesNotYetIndexed() {
        jdbc.sql("SET LOCAL transaction_timeout = 0").update(); // many debtors can take longer than a command may
        List<String> debtors = jdbc.sql("SELECT p.debtor_id FROM ledger_private.debtor_personal_data p"
                        + " JOIN ledger_private.debtor_key k ON k.debtor_id = p.debtor_id"
                        + " WHERE NOT p.name_indexed FOR UPDATE OF p")
                .query(String.class).list();
        for (String debtorId : debtors) {
            if (get(debtorId).orElseThrow() instanceof Readable readable) {
                names.replace(debtorId, readable.data().name());
            }
            jdbc.sql("UPDATE ledger_private.debtor_personal_data SET name_indexed = true WHERE debtor_id = :debtor")
                    .param("debtor", debtorId).update();
        }
        if (!debtors.isEmpty()) {
            log.info("put the names of {} debtors' personal data stored earlier into the name index", debtors.size());
        }
    }

    /** Data encrypted under a debtor's key: the nonce it was encrypted with, and the ciphertext with its tag. */
    record Sealed(byte[] nonce, byte[] ciphertext) {
    }

    /**
     * Encrypts {@code plaintext} under the debtor's key (a new one if it has none), bound to {@code associatedData}
     * so that it opens only for what it was stored as. Call it in a transaction: the key is kept from erasure until
     * the transaction ends.
     */
    Sealed seal(String debtorId, String associatedData, byte[] plaintext) {
        byte[] key = unwrap(debtorId, storedKey(debtorId).orElseGet(() -> {
            DebtorKeyWrapping.WrappedKey fresh = wrapping.wrap(debtorId, newKey());
            jdbc.sql("INSERT INTO ledger_private.debtor_key (debtor_id, wrapped_key, kek_id, created_at)"
                            + " VALUES (:debtor, :wrapped, :kek, clock_timestamp()) ON CONFLICT (debtor_id) DO NOTHING")
                    .param("debtor", debtorId).param("wrapped", fresh.bytes()).param("kek", fresh.kekId()).update();
            return storedKey(debtorId).orElseThrow(); // this one, or the one a concurrent first put stored
        }));
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return new Sealed(nonce, crypt(Cipher.ENCRYPT_MODE, key, nonce, associatedData, plaintext));
    }

    /** Decrypts what {@link #seal} encrypted, with the debtor's key as stored ({@code kekId}, {@code wrappedKey}). */
    byte[] open(String debtorId, String kekId, byte[] wrappedKey, String associatedData, Sealed sealed) {
        return crypt(Cipher.DECRYPT_MODE, unwrap(debtorId, new DebtorKeyWrapping.WrappedKey(kekId, wrappedKey)),
                sealed.nonce(), associatedData, sealed.ciphertext());
    }

    /** Whether the debtor's personal data was erased and no key of theirs has been made since. */
    boolean erased(String debtorId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM ledger_private.erasure WHERE debtor_id = :debtor)"
                        + " AND NOT EXISTS (SELECT 1 FROM ledger_private.debtor_key WHERE debtor_id = :debtor)")
                .param("debtor", debtorId).query(Boolean.class).single();
    }

    /** The debtor's key as stored, kept from erasure until the transaction ends. */
    private Optional<DebtorKeyWrapping.WrappedKey> storedKey(String debtorId) {
        return jdbc.sql("SELECT kek_id, wrapped_key FROM ledger_private.debtor_key WHERE debtor_id = :debtor FOR SHARE")
                .param("debtor", debtorId)
                .query((row, n) -> new DebtorKeyWrapping.WrappedKey(row.getString(1), row.getBytes(2)))
                .optional();
    }

    public Optional<Found> get(String debtorId) {
        Optional<Found> readable = jdbc.sql("SELECT k.kek_id, k.wrapped_key, p.nonce, p.ciphertext, p.updated_at,"
                        + " p.updated_by FROM ledger_private.debtor_personal_data p"
                        + " JOIN ledger_private.debtor_key k ON k.debtor_id = p.debtor_id WHERE p.debtor_id = :debtor")
                .param("debtor", debtorId)
                .query((row, n) -> (Found) new Readable(parse(crypt(Cipher.DECRYPT_MODE,
                        unwrap(debtorId, new DebtorKeyWrapping.WrappedKey(row.getString(1), row.getBytes(2))),
                        row.getBytes(3), debtorId, row.getBytes(4))),
                        row.getTimestamp(5).toInstant(), row.getString(6)))
                .optional();
        if (readable.isPresent()) {
            return readable;
        }
        return jdbc.sql("SELECT erased_at FROM ledger_private.erasure WHERE debtor_id = :debtor")
                .param("debtor", debtorId)
                .query((row, n) -> (Found) new Erased(row.getTimestamp(1).toInstant()))
                .optional();
    }

    private byte[] unwrap(String debtorId, DebtorKeyWrapping.WrappedKey stored) {
        if (stored.kekId() == null) {
            // only a process of an earlier version, still running beside this one, stores a key so
            throw new IllegalStateException("a debtor's key is stored unwrapped; it is wrapped when the ledger next starts");
        }
        return wrapping.unwrap(debtorId, stored);
    }

    /**
     * Destroys the debtor's key and deletes the notes of their contacts; true if there was a key. The erasure itself
     * is recorded, without the data.
     */
    @Transactional
    public boolean erase(String debtorId, String reason, String actorId) {
        int keys = jdbc.sql("DELETE FROM ledger_private.debtor_key WHERE debtor_id = :debtor")
                .param("debtor", debtorId).update();
        jdbc.sql("DELETE FROM ledger_private.contact_note WHERE debtor_id = :debtor")
                .param("debtor", debtorId).update();
        names.remove(debtorId);
        jdbc.sql("INSERT INTO ledger_private.erasure (debtor_id, erased_at, erased_by, reason)"
                        + " VALUES (:debtor, clock_timestamp(), :actor, :reason) ON CONFLICT (debtor_id)"
                        + " DO UPDATE SET erased_at = excluded.erased_at, erased_by = excluded.erased_by,"
                        + " reason = excluded.reason")
                .param("debtor", debtorId).param("actor", actorId).param("reason", reason).update();
        return keys > 0;
    }

    private static byte[] newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            SecretKey key = generator.generateKey();
            return key.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] crypt(int mode, byte[] key, byte[] nonce, String associatedData, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "encrypted" : "decrypted"), e);
        }
    }

    private static byte[] json(PersonalData data) {
        try {
            return JSON.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PersonalData parse(byte[] json) {
        try {
            return JSON.readValue(json, PersonalData.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
