package org.debtledger.benchmarks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * How a measurement loads what it measures: clients that repeat an operation as fast as it answers
 * ({@link #measure}), operations started at a fixed rate ({@link #atFixedRate}), and the warm-up before either
 * ({@link #warmUp}).
 */
final class Load {

    private static final Logger log = LoggerFactory.getLogger(Load.class);

    private Load() {
    }

    /** Something one client does over and over. */
    interface Operation {
        void run() throws Exception;
    }

    /** Something the benchmark does for a given time. */
    interface Pass {
        void run(Duration length) throws Exception;
    }

    /** {@code clients} threads each repeat their operation for {@code duration}; every call is timed. */
    static Figure measure(String name, int clients, Duration duration, IntFunction<Operation> client) throws Exception {
        return Profiles.of(name + "-" + clients, () -> {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicBoolean stop = new AtomicBoolean();
            List<Future<long[]>> results = new ArrayList<>();
            long compiledBefore = compileMillis();
            long start = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                Operation operation = client.apply(c);
                results.add(pool.submit(() -> {
                    List<Long> latencies = new ArrayList<>();
                    while (!stop.get()) {
                        long begin = System.nanoTime();
                        operation.run();
                        latencies.add((System.nanoTime() - begin) / 1000);
                    }
                    return latencies.stream().mapToLong(Long::longValue).toArray();
                }));
            }
            Thread.sleep(duration.toMillis());
            stop.set(true);
            List<Long> all = new ArrayList<>();
            for (Future<long[]> result : results) {
                for (long latency : result.get()) {
                    all.add(latency);
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            return Figure.of(name, clients, all, seconds, compileMillis() - compiledBefore);
        });
    }

    /**
     * Operations started at a fixed rate whatever the answers do (an open system, as callers are), each on one of
     * 32 clients, each timed from when it was due: a slow answer delays the ones behind it and shows in their times.
     */
    static Figure atFixedRate(String name, double perSecond, Duration duration, IntFunction<Operation> client)
            throws Exception {
        return Profiles.of(name + "-fixed-rate", () -> {
            int clients = 32;
            BlockingQueue<Operation> idle = new ArrayBlockingQueue<>(clients);
            for (int c = 0; c < clients; c++) {
                idle.add(client.apply(c));
            }
            ExecutorService workers = Executors.newFixedThreadPool(clients);
            List<Future<Long>> results = new ArrayList<>();
            long interval = (long) (1e9 / perSecond);
            long compiledBefore = compileMillis();
            long start = System.nanoTime();
            for (long due = start; due < start + duration.toNanos(); due += interval) {
                TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
                long dueAt = due;
                results.add(workers.submit(() -> {
                    Operation operation = idle.take();
                    try {
                        operation.run();
                    } finally {
                        idle.add(operation);
                    }
                    return (System.nanoTime() - dueAt) / 1000;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<Long> result : results) {
                all.add(result.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            workers.shutdown();
            return Figure.of(name, clients, all, seconds, compileMillis() - compiledBefore);
        });
    }

    /**
     * Repeats {@code pass} until the JIT compiler is done with it: passes of 10 s (or of a measurement's length, if
     * shorter) until one in which the compiler spent under 5 % of the time the pass took, for at most
     * {@code -Dbenchmark.warm-up-seconds} (default: one pass). A server runs warm, and on 2 cores the compiler
     * needs minutes to compile the web edge, Spring, Axon and the JDBC driver along a request's path; measured
     * cold, a figure is mostly the compiler's.
     */
    static void warmUp(String name, Duration each, Pass pass) throws Exception {
        Duration length = each.compareTo(Duration.ofSeconds(10)) < 0 ? each : Duration.ofSeconds(10);
        long limit = System.nanoTime() + TimeUnit.SECONDS.toNanos(
                Long.getLong("benchmark.warm-up-seconds", length.toSeconds()));
        long compiled;
        long took;
        do {
            long compiledBefore = compileMillis();
            long begin = System.nanoTime();
            pass.run(length);
            took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
            compiled = compileMillis() - compiledBefore;
        } while (compiled > 0.05 * took && System.nanoTime() < limit);
        log.warn(String.format("%nwarm-up of %s ended: the compiler spent %d ms of its last %d ms", name, compiled,
                took));
    }

    /** Processor time the JIT compiler has spent since the JVM started, all its threads together. */
    private static long compileMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }
}
