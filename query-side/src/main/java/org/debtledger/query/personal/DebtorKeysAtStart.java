package org.debtledger.query.personal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;

/**
 * Before the ledger serves (every bean, the schema's migration among them, is made by then): the debtors' keys in the
 * database must be ones the configured KEK unwraps, or the start fails, since every read of their data would; and
 * keys an earlier version stored unwrapped are wrapped, all in one transaction.
 */
@Component
class DebtorKeysAtStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DebtorKeysAtStart.class);

    private final JdbcClient jdbc;
    private final DebtorKeyWrapping wrapping;
    private final TransactionTemplate transaction;

    DebtorKeysAtStart(JdbcClient jdbc, DebtorKeyWrapping wrapping, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.wrapping = wrapping;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void afterSingletonsInstantiated() {
        refuseKeysOfAnotherKek();
        wrapKeysStoredUnwrapped();
    }

    private record KeysOfKek(String kekId, long keys) {
    }

    void refuseKeysOfAnotherKek() {
        for (KeysOfKek kek : jdbc.sql("SELECT kek_id, count(*) FROM ledger_private.debtor_key"
                        + " WHERE kek_id IS NOT NULL GROUP BY kek_id")
                .query((row, n) -> new KeysOfKek(row.getString(1), row.getLong(2)))
                .list()) {
            if (!wrapping.unwraps(kek.kekId())) {
                throw new KeyEncryptionKeyUnusable(kek.keys() + " debtors' keys were wrapped under key-encryption key "
                        + kek.kekId() + ", which the one configured (" + wrapping + ") cannot unwrap: their personal"
                        + " data cannot be read", "configure the key-encryption key they were wrapped with: "
                        + KeyEncryptionKeySource.HOW_TO_SET);
            }
        }
    }

    /** Wraps every key stored unwrapped; answers how many. Rows are locked, so two processes starting wrap each once. */
    int wrapKeysStoredUnwrapped() {
        Integer wrapped = transaction.execute(tx -> {
            // it appends no event, so the time bound on command transactions (a stream position held) is not for it;
            // many keys can take longer to wrap
            jdbc.sql("SET LOCAL transaction_timeout = 0").update();
            List<Map.Entry<String, byte[]>> unwrapped = jdbc.sql("SELECT debtor_id, aes_key FROM ledger_private.debtor_key"
                            + " WHERE aes_key IS NOT NULL FOR UPDATE")
                    .query((row, n) -> Map.entry(row.getString(1), row.getBytes(2)))
                    .list();
            for (Map.Entry<String, byte[]> key : unwrapped) {
                DebtorKeyWrapping.WrappedKey wrappedKey = wrapping.wrap(key.getKey(), key.getValue());
                jdbc.sql("UPDATE ledger_private.debtor_key SET wrapped_key = :wrapped, kek_id = :kek, aes_key = NULL"
                                + " WHERE debtor_id = :debtor")
                        .param("wrapped", wrappedKey.bytes()).param("kek", wrappedKey.kekId())
                        .param("debtor", key.getKey()).update();
            }
            return unwrapped.size();
        });
        if (wrapped > 0) {
            log.info("wrapped {} debtors' keys stored unwrapped by an earlier version under {}", wrapped, wrapping);
        }
        return wrapped;
    }
}
