package org.debtledger.command;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

/**
 * The command side on the embedded PostgreSQL, answering real HTTP on a random loopback port. Each test class
 * names its database with a {@code @DynamicPropertySource} calling {@link TestDatabase#register}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.close-of-business.scheduled=false", "ledger.snapshot-threshold=5"})
public abstract class CommandSideTest {

    @LocalServerPort
    int port;

    @Autowired
    protected JdbcClient jdbc;

    protected LedgerHttp http;

    @DynamicPropertySource
    static void localUsers(DynamicPropertyRegistry registry) {
        for (String setting : LedgerHttp.localUsers()) {
            int equals = setting.indexOf('=');
            registry.add(setting.substring(2, equals), () -> setting.substring(equals + 1));
        }
    }

    @BeforeEach
    void client() {
        http = new LedgerHttp(port);
    }

    protected static String newDebtId() {
        return "debt-" + UUID.randomUUID();
    }

    /** The README's example claim: 100.00 EUR of broadband for January 2025, due 15 February 2025. */
    public static String registration(String debtId, String principal) {
        return """
                {"debtId": "%s", "creditorId": "acme-telecom", "debtorId": "d-1001",
                 "invoiceReference": "INV-2025-0042", "invoicePeriod": {"from": "2025-01-01", "to": "2025-01-31"},
                 "description": "Broadband, January 2025", "principal": {"amount": "%s", "currency": "EUR"},
                 "dueDate": "2025-02-15", "debtType": "CONSUMER", "jurisdiction": "FI", "date": "2025-03-01"}"""
                .formatted(debtId, principal);
    }

    protected long eventCount(String debtId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = :id")
                .param("id", debtId).query(Long.class).single();
    }
}
