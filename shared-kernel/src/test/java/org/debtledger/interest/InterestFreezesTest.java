package org.debtledger.interest;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class InterestFreezesTest {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aPauseEndedEarlyDoesNotEndTheKeptPlansFreeze() {
        InterestFreezes freezes = InterestFreezes.NONE
                .paused(date("2025-03-05"), date("2025-05-03"))
                .planKept(date("2025-03-11"))
                .pauseEnded(date("2025-03-20"));

        assertThat(freezes.ranges()).containsExactly(
                new DateRange(date("2025-03-05"), date("2025-03-19")),
                DateRange.openFrom(date("2025-03-11")));
    }

    @Test
    void aPauseResumedBeforeItStartsFreezesNothing() {
        InterestFreezes freezes = InterestFreezes.NONE
                .paused(date("2025-03-05"), date("2025-05-03"))
                .pauseEnded(date("2025-03-01"));

        assertThat(freezes.ranges()).singleElement()
                .satisfies(range -> assertThat(range.contains(date("2025-03-05"))).isFalse());
    }

    @Test
    void aBrokenPlanFreezesThroughTheDayItBroke() {
        InterestFreezes freezes = InterestFreezes.NONE.planKept(date("2025-03-11")).planEnded(date("2025-05-08"));

        assertThat(freezes.ranges()).containsExactly(new DateRange(date("2025-03-11"), date("2025-05-08")));
        assertThat(freezes.plan()).isNull();
    }

    @Test
    void resumingAfterThePausesEndDateFreezesNoLongerThanTheEndDate() {
        InterestFreezes freezes = InterestFreezes.NONE
                .paused(date("2025-03-05"), date("2025-05-03"))
                .pauseEnded(date("2025-05-20"));

        assertThat(freezes.ranges()).containsExactly(new DateRange(date("2025-03-05"), date("2025-05-03")));
    }
}
