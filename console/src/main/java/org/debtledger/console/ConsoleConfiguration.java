package org.debtledger.console;

import org.debtledger.client.LedgerApi;
import org.debtledger.edge.LedgerSecurity;
import org.debtledger.edge.RequestLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The console's pages and their security, for a process that serves them beside the sides or alone. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@Import({LedgerSecurity.class, LedgerApi.class})
public class ConsoleConfiguration {

    /** A bank file uploaded through the console may be as large as the API takes (16 MiB), with the form around it. */
    @Bean
    RequestLimits.ForPath consoleBankFileLimit() {
        return new RequestLimits.ForPath("/console/operations/bank-files", 17L * 1024 * 1024);
    }
}
