package org.debtledger.standalone;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL started by the application itself when no database is configured: listening on 127.0.0.1
 * only, on a configurable port (so psql and a second process can reach it), with its data directory kept on disk
 * so that a restart keeps the ledger. Durable by default: fsync and synchronous commit on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${ledger.embedded-db.port}") int port,
                                      @Value("${ledger.embedded-db.data-directory}") Path dataDirectory,
                                      @Value("${ledger.embedded-db.durable}") boolean durable) throws IOException {
        Files.createDirectories(dataDirectory);
        String onOff = durable ? "on" : "off";
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory.toAbsolutePath())
                .setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", onOff)
                .setServerConfig("synchronous_commit", onOff)
                .setServerConfig("full_page_writes", onOff);
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("embedded PostgreSQL listening on 127.0.0.1:{} (user postgres, database postgres), data in {}, durable: {}",
                postgres.getPort(), dataDirectory.toAbsolutePath(), durable);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:16}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-init-sql:}") String initSql) {
        HikariDataSource dataSource = new HikariDataSource();
        if (!initSql.isBlank()) {
            dataSource.setConnectionInitSql(initSql);
        }
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(poolSize);
        dataSource.setPoolName("ledger");
        return dataSource;
    }
}
