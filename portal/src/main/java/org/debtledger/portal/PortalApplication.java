package org.debtledger.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The debtor portal alone, beside a command side and a query side that run apart ({@code LEDGER_PORTAL_COMMAND_URL},
 * {@code LEDGER_PORTAL_QUERY_URL}); it keeps no data of its own and signs its people's tokens with the key the
 * sides check them with ({@code LEDGER_TOKEN_KEY}).
 */
@SpringBootApplication
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
