package org.debtledger.command;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL for the whole test run, on a free loopback port, started on first use and stopped when
 * the JVM exits. fsync stays off here: tests need no durability.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return postgres;
    }

    /** Points the application at a database of its own, created on first use. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.datasource.url", () -> jdbcUrl(database));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    public static synchronized String jdbcUrl(String database) {
        if (!database.equals("postgres")) {
            try (Connection connection = postgres().getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return postgres().getJdbcUrl("postgres", database);
    }
}
