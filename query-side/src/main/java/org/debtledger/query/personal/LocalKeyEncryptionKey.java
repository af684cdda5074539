package org.debtledger.query.personal;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 256-bit KEK held by the process (from the environment or a file, see {@link KeyEncryptionKeySource}). A key is
 * wrapped with AES-256-GCM, the debtor id as associated data, and stored as the 12-byte nonce then the ciphertext
 * and tag. The KEK's id is derived from the KEK itself, so a wrong KEK is told by its id before any key is opened.
 */
public final class LocalKeyEncryptionKey implements DebtorKeyWrapping {

    static final int BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec kek;
    private final String id;
    private final SecretKeySpec hashKey;

    public LocalKeyEncryptionKey(byte[] kek) {
        if (kek.length != BYTES) {
            throw new IllegalArgumentException("a key-encryption key is " + BYTES + " bytes, not " + kek.length);
        }
        this.kek = new SecretKeySpec(kek, "AES");
        this.id = idOf(kek);
        // a key of its own for keyed hashes, so the KEK itself is only ever used to wrap
        this.hashKey = new SecretKeySpec(hmac(new SecretKeySpec(kek, "HmacSHA256"), "debt-ledger keyed hash key"),
                "HmacSHA256");
    }

    /** The KEK's id: the first 8 bytes of an HMAC under the KEK of a fixed label, which tell nothing of the KEK. */
    private static String idOf(byte[] kek) {
        byte[] digest = hmac(new SecretKeySpec(kek, "HmacSHA256"), "debt-ledger key-encryption key id");
        return "local-" + HexFormat.of().formatHex(digest, 0, 8);
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String id() {
        return id;
    }

    @Override
    public WrappedKey wrap(String debtorId, byte[] debtorKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, debtorId).doFinal(debtorKey);
            return new WrappedKey(id, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a debtor's key could not be wrapped", e);
        }
    }

    @Override
    public byte[] unwrap(String debtorId, WrappedKey wrapped) {
        if (!unwraps(wrapped.kekId())) {
            throw new KeyNotUnwrapped("a debtor's key was wrapped under key-encryption key " + wrapped.kekId()
                    + ", not the one configured (" + id + ")", null);
        }
        byte[] bytes = wrapped.bytes();
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new KeyNotUnwrapped("a debtor's wrapped key is " + bytes.length + " bytes, too short to be one", null);
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), debtorId)
                    .doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new KeyNotUnwrapped("a debtor's key does not unwrap under key-encryption key " + id
                    + ": its bytes were changed, or it was wrapped for another debtor", e);
        }
    }

    @Override
    public boolean unwraps(String kekId) {
        return id.equals(kekId);
    }

    @Override
    public byte[] keyedHash(String text) {
        return hmac(hashKey, text);
    }

    private Cipher cipher(int mode, byte[] nonce, String debtorId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, kek, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(debtorId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "key-encryption key " + id;
    }
}
