package org.debtledger.command.contact;

/** At most {@code perDay} outbound attempts by one channel on a day, and {@code perWeek} in the seven days to it. */
public record ContactLimit(int perDay, int perWeek) {

    public ContactLimit {
        if (perDay < 1 || perWeek < perDay) {
            throw new IllegalArgumentException(
                    "a contact limit allows at least one a day and no fewer a week than a day");
        }
    }
}
