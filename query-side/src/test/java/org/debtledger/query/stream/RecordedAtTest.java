package org.debtledger.query.stream;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The time an event was recorded, read the quick way, is the time the general parser reads. */
class RecordedAtTest {

    /** How Axon 4 writes an event's time: UTC, three to nine decimals. */
    private static final DateTimeFormatter AXON = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);

    @Test
    void storedTimesReadAsTheGeneralParserReadsThem() {
        Random random = new Random(20251122);
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1_000;
                        default -> random.nextInt(1_000_000_000);
                    });
            stored.add(AXON.format(instant));
            stored.add(instant.toString());
        }
        stored.addAll(List.of("2024-02-29T23:59:59.999Z", "2016-12-31T23:59:60Z", "2025-03-05t10:15:30.5z",
                "2025-03-05T10:15:30.1Z", "2025-03-05T10:15:30.12345678Z", "+12025-03-05T10:15:30Z",
                "0000-01-01T00:00:00Z", "2025-03-05T10:15:30.Z"));
        for (String time : stored) {
            assertThat(RecordedAt.parse(time)).as(time).isEqualTo(Instant.parse(time));
        }
    }

    @Test
    void whatIsNoTimeIsRefusedAsTheGeneralParserRefusesIt() {
        for (String time : List.of("2025-02-29T10:15:30Z", "2025-13-05T10:15:30Z", "2025-03-05T10:61:30Z", "2025-03-05T10:15:30.12x4Z", "2025-03-05 10:15:30Z", "2025-03-05T10:15:30")) {
            assertThatThrownBy(() -> Instant.parse(time)).as(time).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(() -> RecordedAt.parse(time)).as(time).isInstanceOf(RuntimeException.class);
        }
    }
}
