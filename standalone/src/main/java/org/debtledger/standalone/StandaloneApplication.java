package org.debtledger.standalone;

import org.debtledger.command.CommandSideApplication;
import org.debtledger.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole ledger in one process: the command side and the query side, on an embedded PostgreSQL unless
 * {@code LEDGER_DB_URL} names another one.
 */
@SpringBootApplication
@ComponentScan(basePackages = {"org.debtledger.standalone", "org.debtledger.command", "org.debtledger.query"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class StandaloneApplication {

    public static void main(String[] args) {
        CommandSideApplication.disableUpdateCheckerUnlessAsked();
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
