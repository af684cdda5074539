package org.debtledger.query.stream;

/** A live stream has as many subscribers as it serves. Answered with 503 and Retry-After. */
public class TooManySubscribers extends RuntimeException {

    public TooManySubscribers(int max) {
        super("this stream has its maximum of " + max + " subscribers; try again later, or page instead");
    }
}
