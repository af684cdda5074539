package org.debtledger.edge;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTest {

    private static final long SECOND = 1_000_000_000L;
    private final SignInThrottle throttle = new SignInThrottle();

    @Test
    void afterAFewFreeFailuresEachFurtherSignInForTheNameWaitsTwiceAsLong() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES_PER_USER; i++) {
            throttle.failed("advisor", "10.0.0." + i, 0);
        }
        assertThat(throttle.waitNanos("advisor", "10.0.0.99", 0)).isZero();
        throttle.failed("advisor", "10.0.0.6", 0);
        assertThat(throttle.waitNanos("advisor", "10.0.0.99", 0)).isEqualTo(SECOND);
        throttle.failed("advisor", "10.0.0.7", SECOND);
        assertThat(throttle.waitNanos("advisor", "10.0.0.99", SECOND)).isEqualTo(2 * SECOND);
        assertThat(throttle.waitNanos("operator", "10.0.0.99", SECOND)).as("another name").isZero();

        throttle.succeeded("advisor");
        assertThat(throttle.waitNanos("advisor", "10.0.0.99", SECOND)).isZero();
    }

    @Test
    void manyFailuresFromOneAddressSlowEveryNameTriedFromIt() {
        for (int i = 0; i <= SignInThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("guess-" + i, "192.0.2.1", 0);
        }
        assertThat(throttle.waitNanos("advisor", "192.0.2.1", 0)).isEqualTo(SECOND);
        assertThat(throttle.waitNanos("advisor", "192.0.2.2", 0)).isZero();
    }

    @Test
    void theWaitIsAtMostAQuarterOfAnHourAndFailuresAreForgottenAfterIt() {
        long now = 0;
        for (int i = 0; i < 60; i++) {
            throttle.failed("advisor", null, now);
        }
        assertThat(throttle.waitNanos("advisor", "x", now)).isEqualTo(15 * 60 * SECOND);
        now += 15 * 60 * SECOND + 1;
        assertThat(throttle.waitNanos("advisor", "x", now)).isZero();
        throttle.failed("advisor", null, now);
        assertThat(throttle.waitNanos("advisor", "x", now)).as("counted afresh").isZero();
    }

    @Test
    void theNameIsReadFromABasicHeaderOnly() {
        assertThat(SignInThrottle.basicUser("Basic YWR2aXNvcjpzZWNyZXQ=")).isEqualTo("advisor");
        assertThat(SignInThrottle.basicUser("Bearer abc")).isNull();
        assertThat(SignInThrottle.basicUser("Basic !!!")).isNull();
        assertThat(SignInThrottle.basicUser(null)).isNull();
    }
}
