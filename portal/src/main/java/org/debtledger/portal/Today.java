package org.debtledger.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Today's date in the agency's time zone, which a form offers until the person picks another. */
@Component("portalToday")
class Today {

    private final Clock clock;

    Today(@Value("${ledger.time-zone:Europe/Helsinki}") String zone) {
        this.clock = Clock.system(ZoneId.of(zone));
    }

    LocalDate date() {
        return LocalDate.now(clock);
    }
}
