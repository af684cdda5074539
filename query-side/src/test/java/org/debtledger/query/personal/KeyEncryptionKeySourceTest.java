package org.debtledger.query.personal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the key-encryption key comes from, and what is refused on the way. */
class KeyEncryptionKeySourceTest {

    @TempDir
    Path directory;

    private static String randomKek() {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        return Base64.getEncoder().encodeToString(kek);
    }

    @Test
    void withNothingConfiguredTheStartIsRefusedSayingHowToSetIt() {
        assertThatThrownBy(() -> KeyEncryptionKeySource.load("", null, false))
                .isInstanceOf(KeyEncryptionKeyUnusable.class)
                .hasMessageContaining("no key-encryption key is configured")
                .hasMessageContaining("LEDGER_KEY_ENCRYPTION_KEY");
    }

    @Test
    void theEnvironmentsKeyIsTakenBeforeAnyFile() {
        String kek = randomKek();
        Path file = directory.resolve("key-encryption-key");

        assertThat(KeyEncryptionKeySource.load(kek, file, true)).isEqualTo(Base64.getDecoder().decode(kek));
        assertThat(file).doesNotExist();
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithoutBeingEchoed() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> KeyEncryptionKeySource.load(short16, null, false))
                .hasMessageContaining("holds 16 bytes, not 32").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> KeyEncryptionKeySource.load("not base64!", null, false))
                .hasMessageContaining("is not base64").hasMessageNotContaining("not base64!");
    }

    @Test
    void theFileIsGeneratedAtTheFirstStartForItsOwnerOnlyAndReadAtTheNext() throws Exception {
        Path file = directory.resolve("data").resolve("key-encryption-key");

        byte[] generated = KeyEncryptionKeySource.load("", file, true);

        assertThat(generated).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyEncryptionKeySource.load("", file, true)).isEqualTo(generated);
        assertThat(KeyEncryptionKeySource.load("", file, false)).isEqualTo(generated);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void aMissingFileIsNotMadeWhereGeneratingIsOff() {
        Path file = directory.resolve("key-encryption-key");
        assertThatThrownBy(() -> KeyEncryptionKeySource.load("", file, false))
                .hasMessageContaining("does not exist").hasMessageContaining("LEDGER_KEY_ENCRYPTION_KEY");
        assertThat(file).doesNotExist();
    }

    @Test
    void aFileOthersMayReadIsRefused() throws Exception {
        Path file = directory.resolve("key-encryption-key");
        Files.writeString(file, randomKek());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> KeyEncryptionKeySource.load("", file, true))
                .hasMessageContaining("is open to others (rw-r--r--)").hasMessageContaining("chmod 600");
    }
}
