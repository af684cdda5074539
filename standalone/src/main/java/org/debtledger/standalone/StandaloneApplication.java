package org.debtledger.standalone;

import org.debtledger.command.CommandSideApplication;
import org.debtledger.console.ConsoleApplication;
import org.debtledger.portal.PortalApplication;
import org.debtledger.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole ledger in one process: the command side, the query side, the console at {@code /console} and the
 * debtor portal as the front page ({@code /}, {@code /portal}), on an embedded PostgreSQL unless {@code LEDGER_DB_URL}
 * names another one.
 */
@SpringBootApplication
@ComponentScan(basePackages = {"org.debtledger.standalone", "org.debtledger.command", "org.debtledger.query",
        "org.debtledger.console", "org.debtledger.portal"},
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
                classes = {CommandSideApplication.class, QuerySideApplication.class,
                        ConsoleApplication.class, PortalApplication.class}))
public class StandaloneApplication {

    public static void main(String[] args) {
        CommandSideApplication.disableUpdateCheckerUnlessAsked();
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
