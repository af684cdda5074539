package org.debtledger.query.personal;

/** The KEK is missing, malformed, open to others, or not the one the stored keys were wrapped with. */
public class KeyEncryptionKeyUnusable extends IllegalStateException {

    private final String description;
    private final String action;

    KeyEncryptionKeyUnusable(String description, String action) {
        super(description + "; " + action);
        this.description = description;
        this.action = action;
    }

    public String description() {
        return description;
    }

    public String action() {
        return action;
    }
}
