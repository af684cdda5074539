package org.debtledger.command.bankfile;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.debtledger.command.config.Landed;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.debtledger.audit.Channel;
import org.debtledger.command.api.Failures;
import org.debtledger.command.debt.RuleViolation;
import org.debtledger.command.runs.RunCounts;
import org.debtledger.command.runs.RunProgress;
import org.debtledger.command.runs.RunStopped;
import org.debtledger.debt.DebtId;
import org.debtledger.edge.DatabaseOutage;
import org.debtledger.money.Money;
import org.debtledger.payment.CreditorReference;
import org.debtledger.payment.RecordPayment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies a bank file's payments, each as its own {@code RecordPayment} through the command gateway, on a bounded
 * pool of workers ({@code ledger.bank-file.workers}, 128 unless configured). A worker waits for its payment's group
 * commit and holds no database connection, so enough of them keep the commits full. Each debt's payments are applied one after another in the file's order, by one worker,
 * so the outcome is the same as applying the file line by line; different debts are applied at once.
 * A line that cannot be applied is reported with its rule and the rest go on; only the database out of reach
 * stops the run (answered 503: what was applied stays applied, and the file sent again applies nothing twice), or the
 * ledger stopping, which interrupts the run: the workers stop after the line each is applying.
 */
@Service
public class BankFileImport implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BankFileImport.class);

    private final CommandGateway commandGateway;
    private final int workerCount;
    private final ExecutorService workers;

    BankFileImport(CommandGateway commandGateway, @Value("${ledger.bank-file.workers:128}") int workerCount) {
        if (workerCount < 1) {
            throw new IllegalStateException("ledger.bank-file.workers must be at least 1, not " + workerCount);
        }
        this.commandGateway = commandGateway;
        this.workerCount = workerCount;
        AtomicInteger threads = new AtomicInteger();
        // one pool for every file: two files sent at once share the workers and so the database connections
        this.workers = Executors.newFixedThreadPool(workerCount,
                task -> new Thread(task, "bank-file-" + threads.incrementAndGet()));
    }

    /**
     * Applies every payment of the file with {@code audit} as each command's metadata, and reports each line; tells
     * {@code progress} how many lines are done about every second.
     */
    public BankFileReport apply(BankFile file, MetaData audit, RunProgress progress) {
        long started = System.nanoTime();
        List<BankFile.Payment> payments = file.payments();
        Outcome[] outcomes = new Outcome[payments.size()];
        Tally tally = new Tally(payments.size());
        Map<DebtId, List<Integer>> linesByDebt = new LinkedHashMap<>();
        for (int i = 0; i < payments.size(); i++) {
            try {
                DebtId debt = CreditorReference.parse(payments.get(i).reference()).debtId();
                linesByDebt.computeIfAbsent(debt, key -> new ArrayList<>()).add(i);
            } catch (CreditorReference.Invalid invalid) {
                LineRule rule = invalid.why() == CreditorReference.Invalid.Why.CHECK_DIGITS_WRONG
                        ? LineRule.REFERENCE_CHECK_DIGITS_WRONG : LineRule.REFERENCE_NOT_RF;
                outcomes[i] = Outcome.refused(rule.name(), invalid.getMessage());
                tally.add(outcomes[i]);
            }
        }
        progress.reached(tally.counts());

        Queue<Map.Entry<DebtId, List<Integer>>> debts = new ConcurrentLinkedQueue<>(linesByDebt.entrySet());
        AtomicReference<RuntimeException> outage = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < Math.min(workerCount, debts.size()); i++) {
            running.add(workers.submit(() -> {
                Map.Entry<DebtId, List<Integer>> debt;
                while (outage.get() == null && (debt = debts.poll()) != null) {
                    for (int line : debt.getValue()) {
                        if (Thread.currentThread().isInterrupted()) {
                            outage.compareAndSet(null, new RunStopped("a bank file"));
                        }
                        if (outage.get() != null) {
                            return;
                        }
                        outcomes[line] = record(debt.getKey(), payments.get(line), audit, outage);
                        tally.add(outcomes[line]);
                    }
                }
            }));
        }
        awaitAll(running, outage, () -> progress.reached(tally.counts()));
        if (outage.get() != null) {
            throw outage.get();
        }

        BankFileReport report = report(payments, outcomes);
        progress.reached(tally.counts());
        log.info("bank file of {} lines: {} applied, {} applied before, {} refused, in {} ms", report.lines(),
                report.applied(), report.alreadyApplied(), report.refused(), (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    private Outcome record(DebtId debt, BankFile.Payment payment, MetaData audit,
                           AtomicReference<RuntimeException> outage) {
        RecordPayment command = new RecordPayment(debt, payment.archiveId(), payment.amount(), payment.valueDate(),
                Channel.BANK_FILE);
        try {
            Landed landed = commandGateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).withMetaData(audit));
            return new Outcome(landed.appended() ? Outcome.Kind.APPLIED : Outcome.Kind.ALREADY_APPLIED, null, null);
        } catch (RuleViolation violation) {
            return Outcome.refused(violation.rule().name(), violation.getMessage());
        } catch (AggregateNotFoundException unknown) {
            return Outcome.refused(LineRule.DEBT_UNKNOWN.name(), "no debt " + debt + " is registered");
        } catch (ConcurrencyException conflict) {
            return Outcome.refused(LineRule.CONCURRENT_CHANGE.name(), "the debt kept changing at the same time;"
                    + " send the file again to apply this line");
        } catch (RuntimeException failure) {
            if (DatabaseOutage.causes(failure)) {
                outage.compareAndSet(null, failure);
                return null;
            }
            log.error("bank file line {} failed for debt {}: {}", payment.line(), debt, Failures.describe(failure));
            return Outcome.refused(LineRule.UNEXPECTED_FAILURE.name(),
                    "the ledger could not apply the line; nothing was written for it");
        }
    }

    /** Waits for the workers, telling {@code everySecond} while it waits; interrupted, it has them stop. */
    private static void awaitAll(List<Future<?>> running, AtomicReference<RuntimeException> outage,
                                 Runnable everySecond) {
        try {
            for (Future<?> worker : running) {
                while (!worker.isDone()) {
                    try {
                        worker.get(1, TimeUnit.SECONDS);
                    } catch (TimeoutException stillGoing) {
                        everySecond.run();
                    }
                }
                worker.get();
            }
        } catch (InterruptedException e) {
            RunStopped stopped = new RunStopped("a bank file");
            outage.compareAndSet(null, stopped);
            Thread.currentThread().interrupt();
            throw stopped;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a bank file worker failed", e.getCause());
        }
    }

    private static BankFileReport report(List<BankFile.Payment> payments, Outcome[] outcomes) {
        int applied = 0;
        int alreadyApplied = 0;
        Map<String, Money> totals = new TreeMap<>();
        List<BankFileReport.Refusal> refusals = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            BankFile.Payment payment = payments.get(i);
            Outcome outcome = outcomes[i];
            if (outcome.kind() == Outcome.Kind.APPLIED) {
                applied++;
                totals.merge(payment.amount().currency().getCurrencyCode(), payment.amount(), Money::plus);
            } else if (outcome.kind() == Outcome.Kind.ALREADY_APPLIED) {
                alreadyApplied++;
            } else {
                refusals.add(new BankFileReport.Refusal(payment.line(), payment.archiveId().value(),
                        payment.reference(), outcome.rule(), outcome.detail()));
            }
        }
        return new BankFileReport(payments.size(), applied, alreadyApplied, refusals.size(),
                List.copyOf(totals.values()), refusals);
    }

    /** Lines applied, applied before and refused so far, by the workers at once. */
    private static final class Tally {

        private final int lines;
        private int applied;
        private int alreadyApplied;
        private int refused;
        private final Map<String, Integer> refusalsByRule = new TreeMap<>();

        Tally(int lines) {
            this.lines = lines;
        }

        synchronized void add(Outcome outcome) {
            if (outcome == null) {
                return; // the database out of reach: the run stops
            }
            if (outcome.kind() == Outcome.Kind.APPLIED) {
                applied++;
            } else if (outcome.kind() == Outcome.Kind.ALREADY_APPLIED) {
                alreadyApplied++;
            } else {
                refused++;
                refusalsByRule.merge(outcome.rule(), 1, Integer::sum);
            }
        }

        synchronized RunCounts counts() {
            return RunCounts.ofLines(lines, applied, alreadyApplied, refused, refusalsByRule);
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }

    /** What became of one line; a refused line names the rule and why. */
    private record Outcome(Kind kind, String rule, String detail) {

        enum Kind { APPLIED, ALREADY_APPLIED, REFUSED }

        static Outcome refused(String rule, String detail) {
            return new Outcome(Kind.REFUSED, rule, detail);
        }
    }
}
