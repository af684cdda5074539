package org.debtledger.command.rates;

/** What a change to the reference rates must keep, by name. A change that breaks one is refused and changes nothing. */
public enum RateRule {
    /** A period is one of the Interest Act's half years: 1 January to 30 June, or 1 July to 31 December. */
    PERIOD_NOT_A_HALF_YEAR,
    /** Periods follow each other without gap or overlap: a new one starts the day after the last one ends. */
    PERIOD_NOT_NEXT,
    /** A reference rate is from 0 to 100 percent. */
    REFERENCE_RATE_OUT_OF_RANGE,
    /** A reference rate has at most two decimals. */
    REFERENCE_RATE_TOO_PRECISE,
    /** A period's rate does not change once interest was posted with it. */
    REFERENCE_RATE_IN_USE
}
