package org.debtledger.query.personal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.debtledger.query.QuerySideApplication;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Personal data as it lies in PostgreSQL: what the {@code ledger_private} tables hold opens nothing without the
 * key-encryption key, which the database never holds; with it the data reads back; a wrong one is refused loudly.
 */
class PersonalDataAtRestTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PersonalData MAIJA = new PersonalData("Maija Meikäläinen", "Mannerheimintie 1, Helsinki",
            "131052-308T", null, "+358 40 123 4567");

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static JdbcClient database;
    private static LocalKeyEncryptionKey kek;
    private static PersonalDataStore store;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
        dataSource = postgres.getPostgresDatabase();
        readModels(dataSource).load().migrate();
        database = JdbcClient.create(dataSource);
        kek = new LocalKeyEncryptionKey(randomKey());
        store = new PersonalDataStore(database, kek, new NameIndex(database, kek));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration readModels(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).schemas("ledger_read").createSchemas(true)
                .locations("classpath:db/readmodel");
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    private static String newDebtor() {
        return "d-" + UUID.randomUUID();
    }

    private static DebtorKeysAtStart atStart(DataSource dataSource, DebtorKeyWrapping wrapping) {
        return new DebtorKeysAtStart(JdbcClient.create(dataSource), wrapping, new DataSourceTransactionManager(dataSource));
    }

    /** Every value of every row of every table in {@code ledger_private}, as the bytes it is stored as. */
    private static List<byte[]> everyPrivateValue() {
        List<byte[]> values = new ArrayList<>();
        for (String table : database.sql("SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'ledger_private'").query(String.class).list()) {
            database.sql("SELECT * FROM ledger_private." + table).query(row -> {
                ResultSetMetaData columns = row.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    byte[] value = "bytea".equals(columns.getColumnTypeName(i)) ? row.getBytes(i)
                            : row.getString(i) == null ? null : row.getString(i).getBytes(StandardCharsets.UTF_8);
                    if (value != null) {
                        values.add(value);
                    }
                }
            });
        }
        return values;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] decrypt(byte[] key, byte[] nonce, String debtorId, byte[] ciphertext) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(debtorId.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(ciphertext);
    }

    @Test
    void nothingTheDatabaseHoldsOpensAPersonsDataWithoutTheKeyEncryptionKey() throws Exception {
        String debtor = newDebtor();
        store.put(debtor, MAIJA, "advisor-1");

        for (byte[] value : everyPrivateValue()) {
            for (String clear : List.of("Meikäläinen", "131052-308T", "Mannerheimintie", "123 4567")) {
                assertThat(contains(value, clear.getBytes(StandardCharsets.UTF_8))).as(clear + " stored in clear")
                        .isFalse();
            }
        }
        var key = database.sql("SELECT aes_key, wrapped_key, kek_id FROM ledger_private.debtor_key WHERE debtor_id = :d")
                .param("d", debtor).query().singleRow();
        assertThat(key.get("aes_key")).as("no key is stored unwrapped").isNull();
        assertThat(key.get("kek_id")).isEqualTo(kek.id());
        var data = database.sql("SELECT nonce, ciphertext FROM ledger_private.debtor_personal_data WHERE debtor_id = :d")
                .param("d", debtor).query().singleRow();
        byte[] wrapped = (byte[]) key.get("wrapped_key");
        // whichever 32 bytes of the stored key are taken for the debtor's key, the ciphertext does not open
        for (int from = 0; from + 32 <= wrapped.length; from++) {
            byte[] candidate = Arrays.copyOfRange(wrapped, from, from + 32);
            assertThatThrownBy(() -> decrypt(candidate, (byte[]) data.get("nonce"), debtor, (byte[]) data.get("ciphertext")))
                    .isInstanceOf(AEADBadTagException.class);
        }

        byte[] unwrapped = kek.unwrap(debtor, new DebtorKeyWrapping.WrappedKey(kek.id(), wrapped));
        assertThat(new String(decrypt(unwrapped, (byte[]) data.get("nonce"), debtor, (byte[]) data.get("ciphertext")),
                StandardCharsets.UTF_8)).contains("Maija Meikäläinen");
        PersonalDataStore.Readable read = (PersonalDataStore.Readable) store.get(debtor).orElseThrow();
        assertThat(read.data()).isEqualTo(MAIJA);
        assertThat(read.updatedBy()).isEqualTo("advisor-1");
    }

    @Test
    void aSecondPutKeepsTheDebtorsKeyAndReplacesTheData() {
        String debtor = newDebtor();
        store.put(debtor, MAIJA, "advisor-1");
        byte[] first = database.sql("SELECT wrapped_key FROM ledger_private.debtor_key WHERE debtor_id = :d")
                .param("d", debtor).query(byte[].class).single();
        PersonalData moved = new PersonalData("Maija Meikäläinen", "Hämeenkatu 2, Tampere", null, null, null);

        store.put(debtor, moved, "advisor-2");

        assertThat(database.sql("SELECT wrapped_key FROM ledger_private.debtor_key WHERE debtor_id = :d")
                .param("d", debtor).query(byte[].class).single()).isEqualTo(first);
        assertThat(((PersonalDataStore.Readable) store.get(debtor).orElseThrow()).data()).isEqualTo(moved);
    }

    @Test
    void aWrongKeyEncryptionKeyIsRefusedAtStartAndOnReadRatherThanReadingGarbage() {
        String debtor = newDebtor();
        store.put(debtor, MAIJA, "advisor-1");
        LocalKeyEncryptionKey wrong = new LocalKeyEncryptionKey(randomKey());

        assertThatThrownBy(() -> atStart(dataSource, wrong).afterSingletonsInstantiated())
                .isInstanceOf(KeyEncryptionKeyUnusable.class)
                .hasMessageContaining("wrapped under key-encryption key " + kek.id())
                .hasMessageContaining(wrong.id() + ") cannot unwrap")
                .hasMessageContaining("LEDGER_KEY_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new PersonalDataStore(database, wrong, new NameIndex(database, wrong)).get(debtor))
                .isInstanceOf(DebtorKeyWrapping.KeyNotUnwrapped.class);
        atStart(dataSource, kek).afterSingletonsInstantiated();
    }

    @Test
    void aWrappedKeyMovedToAnotherDebtorDoesNotOpen() {
        String debtor = newDebtor();
        String other = newDebtor();
        store.put(debtor, MAIJA, "advisor-1");
        store.put(other, new PersonalData("Matti Meikäläinen", null, null, null, null), "advisor-1");

        database.sql("UPDATE ledger_private.debtor_key SET wrapped_key = (SELECT wrapped_key FROM"
                        + " ledger_private.debtor_key WHERE debtor_id = :debtor) WHERE debtor_id = :other")
                .param("debtor", debtor).param("other", other).update();

        assertThatThrownBy(() -> store.get(other)).isInstanceOf(DebtorKeyWrapping.KeyNotUnwrapped.class)
                .hasMessageContaining("wrapped for another debtor");
    }

    @Test
    void aKeyStoredUnwrappedByAnEarlierVersionIsWrappedAtStartAndStillReadsBack() throws Exception {
        database.sql("CREATE DATABASE earlier_version").update();
        DataSource earlier = postgres.getDatabase("postgres", "earlier_version");
        readModels(earlier).target("7").load().migrate();
        String debtor = newDebtor();
        byte[] key = randomKey();
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(debtor.getBytes(StandardCharsets.UTF_8));
        byte[] ciphertext = cipher.doFinal(new ObjectMapper().writeValueAsBytes(MAIJA));
        JdbcClient olderDatabase = JdbcClient.create(earlier);
        olderDatabase.sql("INSERT INTO ledger_private.debtor_key (debtor_id, aes_key, created_at)"
                + " VALUES (:d, :key, :at)").param("d", debtor).param("key", key)
                .param("at", Timestamp.from(Instant.parse("2025-03-01T10:00:00Z"))).update();
        olderDatabase.sql("INSERT INTO ledger_private.debtor_personal_data (debtor_id, nonce, ciphertext, updated_at,"
                        + " updated_by) VALUES (:d, :nonce, :ciphertext, :at, 'advisor-1')")
                .param("d", debtor).param("nonce", nonce).param("ciphertext", ciphertext)
                .param("at", Timestamp.from(Instant.parse("2025-03-01T10:00:00Z"))).update();

        readModels(earlier).load().migrate();
        DebtorKeysAtStart start = atStart(earlier, kek);
        start.afterSingletonsInstantiated();

        var stored = olderDatabase.sql("SELECT aes_key, wrapped_key, kek_id FROM ledger_private.debtor_key")
                .query().singleRow();
        assertThat(stored.get("aes_key")).as("the unwrapped key is gone").isNull();
        assertThat(stored.get("kek_id")).isEqualTo(kek.id());
        assertThat(contains((byte[]) stored.get("wrapped_key"), key)).isFalse();
        PersonalDataStore olderStore = new PersonalDataStore(olderDatabase, kek, new NameIndex(olderDatabase, kek));
        assertThat(((PersonalDataStore.Readable) olderStore.get(debtor).orElseThrow())
                .data()).isEqualTo(MAIJA);
        assertThat(start.wrapKeysStoredUnwrapped()).as("wrapped once").isZero();

        olderStore.indexNamesNotYetIndexed();
        assertThat(olderDatabase.sql("SELECT count(*) FROM ledger_private.debtor_name_hash WHERE debtor_id = :d")
                .param("d", debtor).query(Long.class).single()).as("the full name and its two words").isEqualTo(3);
    }

    @Test
    void erasureDestroysTheDebtorsKeyAndLeavesOnlyCiphertextThatSaysErased() {
        String debtor = newDebtor();
        store.put(debtor, MAIJA, "advisor-1");

        assertThat(store.erase(debtor, "the debtor asked, nothing is owed", "compliance-1")).isTrue();

        assertThat(database.sql("SELECT count(*) FROM ledger_private.debtor_key WHERE debtor_id = :d")
                .param("d", debtor).query(Long.class).single()).isZero();
        assertThat(store.get(debtor)).get().isInstanceOf(PersonalDataStore.Erased.class);
        assertThat(store.erase(debtor, "asked again", "compliance-1")).as("no key left to destroy").isFalse();
    }

    // ---- the contact log
    @Test
    void aContactsNoteLiesEncryptedUnderTheDebtorsKeyAndReadsBackWithIt() throws Exception {
        String debtor = newDebtor();
        ContactNotes notes = new ContactNotes(database, store);
        notes.put(debtor, "debt-1", "call-1", "Lost her job in May; asks for a plan from June.", "advisor-1");

        for (byte[] value : everyPrivateValue()) {
            assertThat(contains(value, "Lost her job".getBytes(StandardCharsets.UTF_8))).as("a note stored in clear")
                    .isFalse();
        }
        assertThat(notes.of(debtor, "debt-1")).singleElement().satisfies(note -> {
            assertThat(note.contactId()).isEqualTo("call-1");
            assertThat(note.note()).isEqualTo("Lost her job in May; asks for a plan from June.");
            assertThat(note.writtenBy()).isEqualTo("advisor-1");
        });
        assertThat(notes.of(debtor, "debt-2")).as("a note is the debt's it was filed on").isEmpty();
    }

    @Test
    void aNoteMovedToAnotherContactDoesNotOpen() {
        String debtor = newDebtor();
        ContactNotes notes = new ContactNotes(database, store);
        notes.put(debtor, "debt-1", "call-1", "Promised to pay on Friday.", "advisor-1");
        database.sql("UPDATE ledger_private.contact_note SET contact_id = 'call-2' WHERE debtor_id = :d")
                .param("d", debtor).update();

        assertThatThrownBy(() -> notes.of(debtor, "debt-1")).hasRootCauseInstanceOf(AEADBadTagException.class);
    }

    @Test
    void erasureDeletesTheNotesOfTheDebtorsContacts() {
        String debtor = newDebtor();
        String other = newDebtor();
        ContactNotes notes = new ContactNotes(database, store);
        notes.put(debtor, "debt-1", "call-1", "Promised to pay on Friday.", "advisor-1");
        notes.put(other, "debt-2", "call-1", "Asked for a statement.", "advisor-1");
        assertThat(notes.erased(debtor)).isFalse();

        assertThat(store.erase(debtor, "the debtor asked, nothing is owed", "compliance-1")).isTrue();

        assertThat(notes.erased(debtor)).isTrue();
        assertThat(database.sql("SELECT count(*) FROM ledger_private.contact_note WHERE debtor_id = :d")
                .param("d", debtor).query(Long.class).single()).isZero();
        assertThat(notes.of(other, "debt-2")).as("another debtor's notes stay").hasSize(1);
    }

    @Test
    void theQuerySideAloneDoesNotStartWithoutAKeyEncryptionKey() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(QuerySideApplication.class).run(
                "--spring.config.location=classpath:debt-ledger-query.yml", "--server.port=0",
                "--server.address=127.0.0.1", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                "--ledger.security.key-encryption-key.value="))
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .isInstanceOf(KeyEncryptionKeyUnusable.class)
                        .hasMessageContaining("no key-encryption key is configured")
                        .hasMessageContaining("LEDGER_KEY_ENCRYPTION_KEY"));
    }
}
