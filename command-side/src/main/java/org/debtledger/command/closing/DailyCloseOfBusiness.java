package org.debtledger.command.closing;

import org.debtledger.command.calendar.BusinessDates;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs close of business for today's date every evening (23:30 in the agency's time zone unless configured). */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "ledger.close-of-business.scheduled", havingValue = "true", matchIfMissing = true)
class DailyCloseOfBusiness {

    private final CloseOfBusiness closeOfBusiness;
    private final BusinessDates businessDates;

    DailyCloseOfBusiness(CloseOfBusiness closeOfBusiness, BusinessDates businessDates) {
        this.closeOfBusiness = closeOfBusiness;
        this.businessDates = businessDates;
    }

    @Scheduled(cron = "${ledger.close-of-business.cron:0 30 23 * * *}", zone = "${ledger.time-zone:Europe/Helsinki}")
    void closeToday() {
        closeOfBusiness.run(businessDates.today(), CloseOfBusiness.SCHEDULED, runId -> { });
    }
}
