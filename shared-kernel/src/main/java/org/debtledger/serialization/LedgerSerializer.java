package org.debtledger.serialization;

import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer over the shared kernel's mapper, remembering the class of each type name it has read,
 * since Jackson would look the name up with {@code Class.forName} for every event.
 */
public final class LedgerSerializer extends JacksonSerializer {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    public LedgerSerializer(RevisionResolver revisionResolver) {
        super(JacksonSerializer.builder().objectMapper(EventSerialization.objectMapper())
                .revisionResolver(revisionResolver));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return classes.computeIfAbsent(type.getName(), name -> super.classForType(type));
    }
}
