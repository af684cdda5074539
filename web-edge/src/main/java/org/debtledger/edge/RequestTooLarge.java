package org.debtledger.edge;

import java.io.IOException;

/** A request body over the ledger's limit. Answered with 413; nothing is read past the limit. */
public class RequestTooLarge extends IOException {

    public RequestTooLarge(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
