package org.debtledger.command.api;

/**
 * The answer to an accepted command: the debt, its sequence number after the command, and the event-store
 * position of its last event, so a reader can ask for a view at least that fresh.
 */
public record CommandAccepted(String debtId, long sequenceNumber, long position) {
}
