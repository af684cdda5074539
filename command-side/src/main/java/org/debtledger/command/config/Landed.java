package org.debtledger.command.config;

/**
 * A command's result: where the aggregate stands after it, as its last event's sequence number and position in the
 * store, and whether the command appended that event ({@code false}: it changed nothing, as a payment sent again).
 */
public record Landed(long sequenceNumber, long position, boolean appended) {
}
