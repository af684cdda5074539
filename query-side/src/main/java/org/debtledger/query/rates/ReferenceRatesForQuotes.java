package org.debtledger.query.rates;

import org.debtledger.debt.Jurisdiction;
import org.debtledger.interest.ReferenceRateCache;
import org.debtledger.interest.ReferenceRates;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class ReferenceRatesForQuotes {

    /**
     * The rates payoffs are quoted with: the command side's, which an operator keeps in the event store's database
     * (the view {@code reference_rate_in_force}), read again every few seconds ({@code ledger.reference-rates.cache-for}).
     * The command side makes the same bean; in the standalone process whichever comes first serves both.
     */
    @Bean
    @ConditionalOnMissingBean
    ReferenceRateCache referenceRates(JdbcClient jdbc, @Value("${ledger.reference-rates.cache-for:5s}") Duration maxAge) {
        return new ReferenceRateCache(() -> ReferenceRates.of(Jurisdiction.FI, jdbc.sql("""
                        SELECT period_start, period_end, reference_rate_basis_points FROM reference_rate_in_force
                        WHERE jurisdiction = :jurisdiction ORDER BY period_start""")
                .param("jurisdiction", Jurisdiction.FI.name())
                .query((row, n) -> new ReferenceRates.Period(row.getObject(1, LocalDate.class),
                        row.getObject(2, LocalDate.class), row.getInt(3)))
                .list()), maxAge, System::nanoTime);
    }
}
