package org.debtledger.query.projection;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.debtledger.debt.DebtEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Fills new versions of read models from the event store, reading it once for all of them: a thousand debts at a
 * time, every event of each debt in order, upcast and deserialized once, folded by each model into rows that COPY
 * writes; the next debts' events are read, and the last ones' rows written, while a chunk is folded. An event a
 * model cannot fold goes to the model's dead-letter queue with the debt's later events behind it, as its processor
 * would have put it.
 */
@Component
class NewVersionFiller {

    private static final int DEBTS_A_CHUNK = 1_000;

    private final StoredEvents stored;
    private final DataSource dataSource;
    private final Serializer eventSerializer;
    private final org.axonframework.config.Configuration axon;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transaction;

    NewVersionFiller(StoredEvents stored, DataSource dataSource, @Qualifier("eventSerializer") Serializer eventSerializer,
              org.axonframework.config.Configuration axon, EventProcessingConfiguration processing,
              TransactionTemplate transaction) {
        this.stored = stored;
        this.dataSource = dataSource;
        this.eventSerializer = eventSerializer;
        this.axon = axon;
        this.processing = processing;
        this.transaction = transaction;
    }

    /** A model to fill and the version of its tables to fill. */
    record Target(ReadModel<?> model, int version) {
    }

    /**
     * Fills the targets' tables with every debt's events the store holds now, and the targets' dead-letter queues
     * with the events they cannot fold (the letters they had are cleared first: every event is folded again).
     * {@code afterChunk} is told how many events have been read so far, before the first chunk and after each.
     */
    void run(List<Target> targets, LongConsumer afterChunk) {
        targets.forEach(target -> transaction.executeWithoutResult(tx -> deadLetters(target).clear()));
        List<String> debts = stored.debtIds();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < debts.size(); from += DEBTS_A_CHUNK) {
            chunks.add(debts.subList(from, Math.min(debts.size(), from + DEBTS_A_CHUNK)));
        }
        if (chunks.isEmpty()) {
            return;
        }
        afterChunk.accept(0);
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> new Thread(task, "rebuild-read"));
        ExecutorService writer = Executors.newSingleThreadExecutor(task -> new Thread(task, "rebuild-copy"));
        try {
            Future<List<TrackedDomainEventData<byte[]>>> reading = reader.submit(() -> stored.eventsOf(chunks.get(0)));
            Future<?> writing = CompletableFuture.completedFuture(null);
            long read = 0;
            for (int chunk = 0; chunk < chunks.size(); chunk++) {
                List<TrackedDomainEventData<byte[]>> entries = reading.get();
                if (chunk + 1 < chunks.size()) {
                    List<String> next = chunks.get(chunk + 1);
                    reading = reader.submit(() -> stored.eventsOf(next));
                }
                CopyRows rows = new CopyRows();
                foldDebts(entries, targets, rows);
                read += entries.size();
                writing.get();
                writing = writer.submit(() -> rows.copyInto(dataSource));
                afterChunk.accept(read);
            }
            writing.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        } finally {
            reader.shutdownNow();
            writer.shutdownNow();
        }
    }

    /** Folds the events, a debt's at a time, into {@code rows}. */
    private void foldDebts(List<TrackedDomainEventData<byte[]>> entries, List<Target> targets, CopyRows rows) {
        List<StoredEvent> debt = new ArrayList<>();
        for (TrackedEventMessage<?> message : (Iterable<TrackedEventMessage<?>>) EventUtils
                .upcastAndDeserializeTrackedEvents(entries.stream(), eventSerializer, axon.upcasterChain())::iterator) {
            if (!(message instanceof DomainEventMessage<?> event)
                    || !DebtEvent.class.isAssignableFrom(message.getPayloadType())) {
                continue;
            }
            if (!debt.isEmpty() && !debt.get(0).message().getAggregateIdentifier().equals(event.getAggregateIdentifier())) {
                foldDebt(debt, targets, rows);
                debt = new ArrayList<>();
            }
            debt.add(new StoredEvent(event, message.trackingToken().position().orElseThrow()));
        }
        if (!debt.isEmpty()) {
            foldDebt(debt, targets, rows);
        }
    }

    private void foldDebt(List<StoredEvent> debt, List<Target> targets, CopyRows rows) {
        for (Target target : targets) {
            target.model().fold(debt, rows.ofVersion(target.version()))
                    .ifPresent(failure -> deadLetter(target, debt.subList(failure.index(), debt.size()), failure.cause()));
        }
    }

    private void deadLetter(Target target, List<StoredEvent> events, RuntimeException cause) {
        String debtId = events.get(0).message().getAggregateIdentifier();
        transaction.executeWithoutResult(tx -> {
            SequencedDeadLetterQueue<EventMessage<?>> letters = deadLetters(target);
            letters.enqueue(debtId, new GenericDeadLetter<EventMessage<?>>(debtId, events.get(0).message(), cause));
            for (StoredEvent behind : events.subList(1, events.size())) {
                letters.enqueue(debtId, new GenericDeadLetter<EventMessage<?>>(debtId, behind.message()));
            }
        });
    }

    private SequencedDeadLetterQueue<EventMessage<?>> deadLetters(Target target) {
        String group = target.model().processingGroup();
        return processing.deadLetterQueue(group)
                .orElseThrow(() -> new IllegalStateException("no dead-letter queue for " + group));
    }
}
