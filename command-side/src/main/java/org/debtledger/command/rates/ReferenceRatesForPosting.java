package org.debtledger.command.rates;

import org.debtledger.debt.Jurisdiction;
import org.debtledger.interest.ReferenceRateCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class ReferenceRatesForPosting {

    /**
     * The rates interest is posted with, read from the database at most every few seconds
     * ({@code ledger.reference-rates.cache-for}), and at once after a change made here. The query side makes the same
     * bean; in the standalone process whichever comes first serves both, so a change is quoted at once as well.
     */
    @Bean
    @ConditionalOnMissingBean
    ReferenceRateCache referenceRates(StoredReferenceRates stored,
                                      @Value("${ledger.reference-rates.cache-for:5s}") Duration maxAge) {
        return new ReferenceRateCache(() -> stored.rates(Jurisdiction.FI), maxAge, System::nanoTime);
    }
}
