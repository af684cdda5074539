package org.debtledger.command.closing;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/** Runs close of business for today's date every evening (23:30 in the agency's time zone unless configured). */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "ledger.close-of-business.scheduled", havingValue = "true", matchIfMissing = true)
class DailyCloseOfBusiness {

    private final CloseOfBusiness closeOfBusiness;
    private final Clock clock;

    DailyCloseOfBusiness(CloseOfBusiness closeOfBusiness, Clock clock) {
        this.closeOfBusiness = closeOfBusiness;
        this.clock = clock;
    }

    @Scheduled(cron = "${ledger.close-of-business.cron:0 30 23 * * *}", zone = "${ledger.time-zone:Europe/Helsinki}")
    void closeToday() {
        closeOfBusiness.run(LocalDate.now(clock), CloseOfBusiness.SCHEDULED);
    }
}
