package org.debtledger.standalone;

import org.apache.kafka.clients.producer.Producer;
import org.springframework.kafka.core.ProducerPostProcessor;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds a producer's next commit, once armed, until released: a publisher stalled in the middle of a transaction, its
 * records sent and not committed, as a process is when it dies or freezes there.
 */
final class StalledCommit implements ProducerPostProcessor<String, byte[]> {

    final CountDownLatch stalled = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);
    volatile boolean armed;

    @Override
    @SuppressWarnings("unchecked")
    public Producer<String, byte[]> apply(Producer<String, byte[]> producer) {
        return (Producer<String, byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, arguments) -> {
                    if (armed && method.getName().equals("commitTransaction")) {
                        armed = false;
                        stalled.countDown();
                        released.await(60, TimeUnit.SECONDS);
                    }
                    try {
                        return method.invoke(producer, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
