package org.debtledger.command.rates;

import org.debtledger.interest.ReferenceRates;

import java.time.Instant;
import java.time.LocalDate;

/** One value a period's reference rate was given: the rate, its source, and who recorded it when. */
record RecordedRate(LocalDate periodStart, LocalDate until, int referenceBasisPoints, String source,
                    String recordedBy, Instant recordedAt) {

    ReferenceRates.Period period() {
        return new ReferenceRates.Period(periodStart, until, referenceBasisPoints);
    }
}
