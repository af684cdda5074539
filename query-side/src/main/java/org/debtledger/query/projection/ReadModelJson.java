package org.debtledger.query.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.debtledger.serialization.EventSerialization;

import java.io.UncheckedIOException;
import java.util.Map;

/** The JSON of read models' documents (a debt's view, a timeline entry's details), as written and as read back. */
public final class ReadModelJson {

    private static final ObjectMapper JSON = EventSerialization.objectMapper();

    private ReadModelJson() {
    }

    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String json) {
        return read(json, Map.class);
    }
}
