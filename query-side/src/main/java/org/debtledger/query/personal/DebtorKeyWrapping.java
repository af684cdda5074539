package org.debtledger.query.personal;

/**
 * Wraps and unwraps debtors' keys under a key-encryption key (KEK) kept outside the database. The ledger's own
 * is {@link LocalKeyEncryptionKey}; a key management service can stand in for it as another bean of this type.
 */
public interface DebtorKeyWrapping {

    /** A debtor's key as stored: wrapped, and the id of the KEK that wrapped it. */
    record WrappedKey(String kekId, byte[] bytes) {
    }

    /** The debtor's key wrapped under the current KEK, bound to the debtor: it unwraps for no other debtor. */
    WrappedKey wrap(String debtorId, byte[] debtorKey);

    /** The debtor's key; throws {@link KeyNotUnwrapped} rather than answer with anything else. */
    byte[] unwrap(String debtorId, WrappedKey wrapped);

    /** Whether keys wrapped under the KEK with this id can be unwrapped here. */
    boolean unwraps(String kekId);

    /**
     * HMAC-SHA256 of {@code text} under a key derived from the KEK: the same text always gives the same hash, so
     * data can be found by it, while the database alone tells nothing of the text.
     */
    byte[] keyedHash(String text);

    /** A wrapped key that does not open: another KEK wrapped it, or its bytes were changed. */
    final class KeyNotUnwrapped extends RuntimeException {

        public KeyNotUnwrapped(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
