package org.debtledger.audit;

/**
 * Keys of the audit metadata every command carries and every event it causes inherits:
 * who did it, in which role, through which channel, why, and which request it belongs to.
 */
public final class AuditMetadata {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";
    public static final String CHANNEL = "channel";
    public static final String REASON = "reason";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    /** The role of an advisor, the only role that may override an affordability check. */
    public static final String ADVISOR_ROLE = "ADVISOR";

    private AuditMetadata() {
    }
}
