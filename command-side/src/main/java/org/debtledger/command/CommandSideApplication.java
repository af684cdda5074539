package org.debtledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone: it needs a PostgreSQL configured with {@code LEDGER_DB_URL}. */
@SpringBootApplication
public class CommandSideApplication {

    public static void main(String[] args) {
        disableUpdateCheckerUnlessAsked();
        SpringApplication.run(CommandSideApplication.class, args);
    }

    /** A ledger does not phone home: Axon's update checker stays off unless it is explicitly configured. */
    public static void disableUpdateCheckerUnlessAsked() {
        if (System.getProperty("axoniq.update-checker.disabled") == null
                && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
