package org.debtledger.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The console alone, beside a command side and a query side that run apart ({@code LEDGER_CONSOLE_COMMAND_URL},
 * {@code LEDGER_CONSOLE_QUERY_URL}); it keeps no data of its own and signs its users' tokens with the key the
 * sides check them with ({@code LEDGER_TOKEN_KEY}).
 */
@SpringBootApplication
public class ConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }
}
