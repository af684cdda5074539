package org.debtledger.query.stream.kafka;

import org.debtledger.query.stream.PublicStreamPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Publishes every public event to Kafka, in the stream's order and by its gap-safe pages ({@link PublicStreamPages}),
 * so an event committed late is published, never skipped. One process publishes at a time: the one holding the
 * {@link PublisherLock}; the others ask again every takeover interval and take over once it is gone.
 *
 * <p>Each page of events and the position after it go to Kafka in one transaction under a fixed transactional id.
 * A publisher that takes over first fences the one before it (whose open transaction is aborted), then reads the
 * committed position back, and goes on after it: a crash of either side loses nothing and, for a read_committed
 * consumer, repeats nothing.
 */
public class KafkaEventPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventPublisher.class);
    private static final Duration IDLE_WAIT = Duration.ofMillis(250);
    private static final PublicStreamPages.Filter EVERY_EVENT = new PublicStreamPages.Filter(null, null, null);

    private final PublicStreamPages pages;
    private final DataSource database;
    private final KafkaClients kafka;
    private final KafkaPublishing settings;
    private final KafkaTemplate<String, byte[]> template;
    /** The position published up to while this process publishes; negative while it does not. */
    private volatile long published = -1;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private volatile Thread thread;

    public KafkaEventPublisher(PublicStreamPages pages, DataSource database, KafkaClients kafka,
                               KafkaPublishing settings) {
        this.pages = pages;
        this.database = database;
        this.kafka = kafka;
        this.settings = settings;
        this.template = new KafkaTemplate<>(kafka.producers());
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        stopping = new CountDownLatch(1);
        thread = new Thread(this::run, "kafka-publisher-" + settings.transactionalId());
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends after the round in progress, so a transaction begun is committed; a stuck one is interrupted. */
    @Override
    public synchronized void stop() {
        stopping.countDown();
        Thread running = thread;
        if (running == null) {
            return;
        }
        try {
            running.join(10_000);
            if (running.isAlive()) {
                running.interrupt();
                running.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        Thread running = thread;
        return running != null && running.isAlive();
    }

    /** Whether this process is the one publishing. */
    public boolean publishing() {
        return published >= 0;
    }

    /** How many positions the store's head is ahead of what this process published; NaN if it does not publish. */
    public double lag() {
        long at = published;
        return at < 0 ? Double.NaN : Math.max(0, pages.head() - at);
    }

    private void run() {
        while (!stopped()) {
            try (PublisherLock lock = PublisherLock.tryTake(database, settings.transactionalId())) {
                if (lock != null) {
                    publishWhileHolding(lock);
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("publishing the event stream to Kafka stopped ({}); trying again in {}", e,
                        settings.takeoverInterval());
            } finally {
                published = -1;
                kafka.producers().reset();
            }
            pause(settings.takeoverInterval());
        }
    }

    private void publishWhileHolding(PublisherLock lock) {
        StreamTopics.createIfMissing(kafka.adminSettings(), settings);
        // a producer under the fixed transactional id fences any earlier publisher and aborts what it left open,
        // so the position read next is final
        kafka.producers().createProducer().close();
        long position = PublishedPosition.read(kafka.consumerSettings(), settings.positionTopic(), settings.topic());
        published = position;
        log.info("publishing the event stream to Kafka topic {} after position {}", settings.topic(), position);
        while (!stopped() && lock.held()) {
            PublicStreamPages.Page page = pages.after(position, settings.batchSize(), EVERY_EVENT);
            if (!page.events().isEmpty()) {
                template.executeInTransaction(operations -> {
                    page.events().forEach(event -> operations.send(EventRecords.of(settings.topic(), event)));
                    return operations.send(EventRecords.position(settings.positionTopic(), settings.topic(),
                            page.next()));
                });
            }
            boolean progressed = page.next() != position;
            position = page.next();
            published = position;
            if (!progressed) {
                pause(IDLE_WAIT);
            }
        }
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }
}
