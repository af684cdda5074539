package org.debtledger.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The debts a command loaded lately, kept so that the next command to the same debt need not read it again: at most
 * {@code size}, the least lately used dropped first. Axon's caching repository puts a debt in when a command is
 * decided and takes it out when a command is rolled back; the group commit tells the sequence number the debt stands
 * at once that command is committed ({@link #stands}). A debt whose standing is not known, or which the store holds
 * further than that (another command process changed it), is read again ({@link GroupCommit}).
 */
public final class AggregateCache implements Cache {

    private record Entry(Object value, Long sequence) {
    }

    private final Map<Object, Entry> entries;

    public AggregateCache(int size) {
        if (size < 1) {
            throw new IllegalStateException("ledger.aggregate-cache.size must be at least 1, not " + size);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Entry> eldest) {
                return size() > size;
            }
        };
    }

    /** Notes that {@code aggregate}, if it is here, stands at {@code sequence} in the store, committed. */
    synchronized void stands(String aggregate, long sequence) {
        entries.computeIfPresent(aggregate, (key, entry) -> new Entry(entry.value(), sequence));
    }

    /**
     * Takes out each of {@code aggregates} held here that the store holds further than it was committed at here
     * (another command process changed it), or whose standing is not known (put in by a command not committed, or one
     * that appended nothing). {@code stored} tells, in one statement, where the store holds those it is asked about;
     * it is not asked when none is held.
     */
    void keepFresh(Collection<String> aggregates, Function<Set<String>, Map<String, Long>> stored) {
        Map<String, Long> standings = new HashMap<>();
        synchronized (this) {
            for (String aggregate : aggregates) {
                Entry entry = entries.get(aggregate);
                if (entry != null && entry.sequence() == null) {
                    entries.remove(aggregate);
                } else if (entry != null) {
                    standings.put(aggregate, entry.sequence());
                }
            }
        }
        if (standings.isEmpty()) {
            return;
        }
        Map<String, Long> inTheStore = stored.apply(standings.keySet());
        standings.forEach((aggregate, sequence) -> {
            if (!sequence.equals(inTheStore.get(aggregate))) {
                remove(aggregate);
            }
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <K, V> V get(K key) {
        Entry entry = entries.get(key);
        return entry == null ? null : (V) entry.value();
    }

    @Override
    public synchronized void put(Object key, Object value) {
        entries.put(key, new Entry(value, null));
    }

    @Override
    public synchronized boolean putIfAbsent(Object key, Object value) {
        if (entries.containsKey(key)) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    public synchronized boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public synchronized void removeAll() {
        entries.clear();
    }

    @Override
    public synchronized boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the aggregate cache tells no listeners");
    }
}
