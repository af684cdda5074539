package org.debtledger.benchmarks;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.debtledger.command.config.AggregateCache;
import org.debtledger.command.config.GroupCommit;
import org.debtledger.command.store.EventTableQueries;
import org.debtledger.eventstore.GroupedStorageEngine;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the group commit's window does to the commands' rate and latency: the in-process command mix at 1 and 16
 * clients through a group commit of the ledger's own command bus with a window of 0, 1 and 2 ms (the ledger ships
 * with 0: a lane waits for nothing but the commit before it), each measurement beside a ceiling of its own.
 */
final class GroupCommitWindows {

    private static final Duration[] WINDOWS = {Duration.ZERO, Duration.ofMillis(1), Duration.ofMillis(2)};
    private static final int[] CLIENTS = {1, 16};

    private GroupCommitWindows() {
    }

    static List<Map<String, Object>> measure(ApplicationContext ledger, Ceiling ceiling, Duration each)
            throws Exception {
        List<Map<String, Object>> figures = new ArrayList<>();
        for (Duration window : WINDOWS) {
            try (GroupCommit groupCommit = new GroupCommit(ledger.getBean(CommandBus.class),
                    ledger.getBean(PlatformTransactionManager.class), ledger.getBean(EventTableQueries.class),
                    ledger.getBean(GroupedStorageEngine.class), ledger.getBean(AggregateCache.class),
                    Integer.parseInt(ledger.getEnvironment().getProperty("ledger.group-commit.lanes", "2")),
                    Integer.parseInt(ledger.getEnvironment().getProperty("ledger.group-commit.max-group", "64")),
                    window, new SimpleMeterRegistry(), NoOpMessageMonitor.INSTANCE)) {
                DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(groupCommit.bus()).build();
                for (int clients : CLIENTS) {
                    Figure figure = ceiling.beside("window-" + window.toMillis() + "ms", clients, each,
                            client -> new GatewayCommandMix(gateway));
                    Map<String, Object> measured = new LinkedHashMap<>();
                    measured.put("windowMillis", window.toMillis());
                    measured.put("clients", clients);
                    measured.put("perSecond", Math.round(figure.perSecond()));
                    measured.put("ceilingPerSecond", Math.round(figure.ceilingPerSecond()));
                    measured.put("ratio", Math.round(figure.perSecond() / figure.ceilingPerSecond() * 100) / 100.0);
                    measured.put("p50Millis", figure.p50Micros() / 1000.0);
                    measured.put("p99Millis", figure.p99Micros() / 1000.0);
                    figures.add(measured);
                }
            }
        }
        return figures;
    }
}
