package org.debtledger.query.config;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The connections a query waits on, for its reads and its access-log entry: a pool of their own, apart from the one
 * the projections, the commands and close of business share, so that a balance asked for while a bank file runs
 * never waits for a connection the batch work holds. The same database, user, password and settings as the ledger's
 * data source; {@code ledger.queries.pool-size} connections at most, opened as they are needed.
 */
public final class QueryConnections implements AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    QueryConnections(DataSource ledger, int size, MeterRegistry registry) throws SQLException {
        HikariDataSource shared = ledger.unwrap(HikariDataSource.class);
        pool = new HikariDataSource();
        pool.setPoolName(shared.getPoolName() + "-queries");
        pool.setJdbcUrl(shared.getJdbcUrl());
        pool.setUsername(shared.getUsername());
        pool.setPassword(shared.getPassword());
        pool.setDataSourceProperties(shared.getDataSourceProperties());
        pool.setConnectionTimeout(shared.getConnectionTimeout());
        pool.setConnectionInitSql(shared.getConnectionInitSql());
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(1);
        if (registry != null) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
        template = new JdbcTemplate(pool);
        jdbc = JdbcClient.create(template);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public JdbcTemplate template() {
        return template;
    }

    /** Transactions on these connections (the ledger's own transaction manager runs on the other pool). */
    public TransactionTemplate transactions() {
        return transactions;
    }

    @Override
    public void close() {
        pool.close();
    }
}
