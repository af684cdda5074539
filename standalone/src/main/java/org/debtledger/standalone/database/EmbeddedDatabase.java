package org.debtledger.standalone.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A real PostgreSQL started by the application itself when no database is configured (see
 * {@link EmbeddedPostgresServer}), on a configurable port so that psql and a second process can reach it, with its
 * data directory kept on disk so that a restart keeps the ledger. Durable by default: fsync and synchronous commit
 * on. The data source depends on it, so the context closes the pool, and before that stops every user of the
 * pool, before it stops the database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgres(@Value("${ledger.embedded-db.port}") int port,
                                            @Value("${ledger.embedded-db.data-directory}") Path dataDirectory,
                                            @Value("${ledger.embedded-db.durable}") boolean durable,
                                            @Value("${ledger.embedded-db.password:}") String password)
            throws IOException {
        return EmbeddedPostgresServer.start(dataDirectory, port, durable, password);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgresServer postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:16}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) {
        HikariDataSource dataSource = new HikariDataSource();
        if (!initSql.isBlank()) {
            dataSource.setConnectionInitSql(initSql);
        }
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(postgres.user());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("ledger");
        return dataSource;
    }
}
