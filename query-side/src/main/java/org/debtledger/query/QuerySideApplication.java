package org.debtledger.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side alone. Its read models (debt view, debtor balances, advisor queue, audit timeline) are built
 * from the event store by streaming event processors; for now it starts empty beside the command side.
 */
@SpringBootApplication
public class QuerySideApplication {

    public static void main(String[] args) {
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true"); // a ledger does not phone home
        }
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
