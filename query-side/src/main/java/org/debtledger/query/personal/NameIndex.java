package org.debtledger.query.personal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A blind index of debtors' names: keyed hashes ({@link DebtorKeyWrapping#keyedHash}) of the normalised full name
 * and of each of its words, so that a debtor is found by either while the database holds no name in clear.
 */
@Component
public class NameIndex {

    private final JdbcClient jdbc;
    private final DebtorKeyWrapping wrapping;

    NameIndex(JdbcClient jdbc, DebtorKeyWrapping wrapping) {
        this.jdbc = jdbc;
        this.wrapping = wrapping;
    }

    /** Lower case, composed accents (kept), words apart by one space: how a name is written when it is hashed. */
    static String normalised(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip()
                .replaceAll("\\s+", " ");
    }

    /** The hash a name or one of its words is found by. */
    public byte[] hashOf(String text) {
        return wrapping.keyedHash(normalised(text));
    }

    /** Replaces the debtor's entries by those of {@code name} (none when null), within the caller's transaction. */
    void replace(String debtorId, String name) {
        remove(debtorId);
        if (name == null) {
            return;
        }
        Set<String> texts = new LinkedHashSet<>();
        texts.add(normalised(name));
        texts.addAll(Set.of(normalised(name).split(" ")));
        for (String text : texts) {
            jdbc.sql("INSERT INTO ledger_private.debtor_name_hash (hash, debtor_id) VALUES (:hash, :debtor)")
                    .param("hash", wrapping.keyedHash(text)).param("debtor", debtorId).update();
        }
    }

    void remove(String debtorId) {
        jdbc.sql("DELETE FROM ledger_private.debtor_name_hash WHERE debtor_id = :debtor").param("debtor", debtorId)
                .update();
    }
}
