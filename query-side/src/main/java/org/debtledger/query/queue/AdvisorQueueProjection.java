package org.debtledger.query.queue;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.SequenceNumber;
import org.debtledger.debt.CaseAssigned;
import org.debtledger.debt.DebtEvent;
import org.debtledger.debt.DebtRecalled;
import org.debtledger.debt.DebtRegistered;
import org.debtledger.debt.DebtSettled;
import org.debtledger.debt.DebtWrittenOff;
import org.debtledger.dispute.DebtDisputed;
import org.debtledger.dispute.DisputeResolved;
import org.debtledger.pause.CollectionPaused;
import org.debtledger.pause.CollectionResumed;
import org.debtledger.payment.CreditRefunded;
import org.debtledger.payment.PaymentReceived;
import org.debtledger.payment.PaymentReversed;
import org.debtledger.plan.InstalmentMissed;
import org.debtledger.plan.InstalmentPayment;
import org.debtledger.plan.PaymentPlanAgreed;
import org.debtledger.plan.PaymentPlanBroken;
import org.debtledger.query.ProcessingGroups;
import org.debtledger.query.EventPositions;
import org.debtledger.query.ProjectionVersions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

import static org.debtledger.query.ProjectionVersions.table;

/**
 * Raises work for advisors from a debt's events and closes it when its cause is resolved: a missed instalment
 * when it is paid, a broken plan when a new one is agreed, a dispute when it is resolved, an ending pause when
 * collection resumes, a reversal at the next payment, credit when it is refunded, a silent new debt at the first
 * contact. Keyed on the debt's sequence number, so an event delivered again changes nothing.
 */
@Component
@ProcessingGroup(ProcessingGroups.ADVISOR_QUEUE)
public class AdvisorQueueProjection {

    private final JdbcClient jdbc;
    private final ProjectionVersions versions;
    private final EventPositions positions;

    AdvisorQueueProjection(JdbcClient jdbc, ProjectionVersions versions, EventPositions positions) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.positions = positions;
    }

    @EventHandler
    void on(DebtEvent event, @SequenceNumber Long sequenceNumber, ReplayStatus status) {
        long position = positions.of(event, sequenceNumber);
        for (int version : versions.targets(ProcessingGroups.ADVISOR_QUEUE, status)) {
            new Change(version, event, sequenceNumber, position).apply();
        }
    }

    /** One event applied to one version of the queue's tables. */
    private final class Change {
        private final String items;
        private final String debts;
        private final DebtEvent event;
        private final String debtId;
        private final long sequenceNumber;
        private final long position;

        Change(int version, DebtEvent event, long sequenceNumber, long position) {
            this.items = table("work_item", version);
            this.debts = table("work_debt", version);
            this.event = event;
            this.debtId = event.debtId().value();
            this.sequenceNumber = sequenceNumber;
            this.position = position;
        }

        void apply() {
            if (event instanceof DebtRegistered registered) {
                int inserted = jdbc.sql("INSERT INTO " + debts + " (debt_id, creditor_id, sequence_number)"
                                + " VALUES (:debt, :creditor, :sequence) ON CONFLICT (debt_id) DO NOTHING")
                        .param("debt", debtId).param("creditor", registered.creditorId().value())
                        .param("sequence", sequenceNumber).update();
                if (inserted == 1) {
                    LocalDate quietUntil = registered.date().plusDays(14);
                    raise(WorkType.NO_PLAN_NO_CONTACT, "no-contact", quietUntil, quietUntil,
                            "no plan and no contact 14 days after the debt was registered", null);
                }
                return;
            }
            if (!claimSequence()) {
                return;
            }
            if (event instanceof PaymentPlanAgreed agreed) {
                close(WorkType.NO_PLAN_NO_CONTACT);
                close(WorkType.PLAN_BROKEN);
                jdbc.sql("UPDATE " + debts + " SET plan_number = :plan WHERE debt_id = :debt")
                        .param("plan", agreed.planNumber()).param("debt", debtId).update();
            } else if (event instanceof PaymentReceived payment) {
                close(WorkType.NO_PLAN_NO_CONTACT);
                close(WorkType.PAYMENT_REVERSED);
                payInstalments(payment.instalments(), 1);
                if (payment.allocation().credit().isPositive()) {
                    raiseOrAdd(WorkType.OVERPAYMENT_TO_REFUND, "credit", payment.date(),
                            "credit of " + payment.allocation().credit() + " to pay back to the debtor",
                            payment.allocation().credit().minorUnits());
                }
            } else if (event instanceof InstalmentMissed missed) {
                raise(WorkType.INSTALMENT_MISSED, "plan-" + missed.planNumber() + "-instalment-" + missed.instalmentNumber(),
                        missed.date().plusDays(WorkType.INSTALMENT_MISSED.daysToAct), missed.date(),
                        "instalment " + missed.instalmentNumber() + " due " + missed.dueDate() + " was missed: "
                                + missed.unpaid() + " unpaid", missed.unpaid().minorUnits());
            } else if (event instanceof PaymentPlanBroken broken) {
                close(WorkType.INSTALMENT_MISSED);
                raise(WorkType.PLAN_BROKEN, "plan-" + broken.planNumber() + "-broken",
                        broken.date().plusDays(WorkType.PLAN_BROKEN.daysToAct), broken.date(),
                        "plan " + broken.planNumber() + " broke after " + broken.missedInstalments()
                                + " missed instalments: the balance is due", null);
            } else if (event instanceof DebtDisputed disputed) {
                close(WorkType.NO_PLAN_NO_CONTACT);
                raise(WorkType.DISPUTE_OPENED, "dispute-" + sequenceNumber,
                        disputed.date().plusDays(WorkType.DISPUTE_OPENED.daysToAct), disputed.date(),
                        "disputed: " + disputed.reason(), null);
            } else if (event instanceof DisputeResolved) {
                close(WorkType.DISPUTE_OPENED);
            } else if (event instanceof CollectionPaused paused && paused.until() != null) {
                raise(WorkType.PAUSE_ENDING, "pause-" + sequenceNumber, paused.until(), paused.until().minusDays(7),
                        "the pause for " + paused.reason() + " ends on " + paused.until(), null);
            } else if (event instanceof CollectionResumed) {
                close(WorkType.PAUSE_ENDING);
            } else if (event instanceof PaymentReversed reversed) {
                raise(WorkType.PAYMENT_REVERSED, "reversal-" + reversed.paymentId(),
                        reversed.date().plusDays(WorkType.PAYMENT_REVERSED.daysToAct), reversed.date(),
                        "payment " + reversed.paymentId() + " of " + reversed.amount() + " was reversed: "
                                + reversed.reason(), null);
                reduce(WorkType.OVERPAYMENT_TO_REFUND, reversed.restored().credit().minorUnits());
                payInstalments(reversed.instalments(), -1);
            } else if (event instanceof CreditRefunded refunded) {
                reduce(WorkType.OVERPAYMENT_TO_REFUND, refunded.amount().minorUnits());
            } else if (event instanceof CaseAssigned assigned) {
                close(WorkType.NO_PLAN_NO_CONTACT);
                jdbc.sql("UPDATE " + debts + " SET advisor_id = :advisor WHERE debt_id = :debt")
                        .param("advisor", assigned.advisorId().value()).param("debt", debtId).update();
                jdbc.sql("UPDATE " + items + " SET advisor_id = :advisor, changed_position = :position"
                                + " WHERE debt_id = :debt AND open")
                        .param("advisor", assigned.advisorId().value()).param("position", position)
                        .param("debt", debtId).update();
            } else if (event instanceof DebtSettled || event instanceof DebtWrittenOff || event instanceof DebtRecalled) {
                for (WorkType type : WorkType.values()) {
                    if (type != WorkType.OVERPAYMENT_TO_REFUND) {
                        close(type);
                    }
                }
            }
        }

        /** Moves the debt's sequence forward; false when this event was applied before. */
        private boolean claimSequence() {
            return jdbc.sql("UPDATE " + debts + " SET sequence_number = :sequence"
                            + " WHERE debt_id = :debt AND sequence_number < :sequence")
                    .param("sequence", sequenceNumber).param("debt", debtId).update() == 1;
        }

        private void raise(WorkType type, String key, LocalDate dueDate, LocalDate visibleFrom, String reason,
                           Long remaining) {
            jdbc.sql("INSERT INTO " + items + """
                             (item_id, debt_id, creditor_id, advisor_id, type, priority, due_date, visible_from, reason,
                              open, remaining_minor, raised_position, changed_position)
                            SELECT :id, debt_id, creditor_id, advisor_id, :type, :priority, :due, :visible, :reason,
                                   TRUE, :remaining, :position, :position
                            FROM\s""" + debts + """
                             WHERE debt_id = :debt
                            ON CONFLICT (item_id) DO NOTHING""")
                    .param("id", debtId + ":" + key).param("type", type.name()).param("priority", type.priority)
                    .param("due", dueDate).param("visible", visibleFrom).param("reason", reason)
                    .param("remaining", remaining).param("position", position).param("debt", debtId)
                    .update();
        }

        private void raiseOrAdd(WorkType type, String key, LocalDate date, String reason, long amount) {
            int added = jdbc.sql("UPDATE " + items + " SET remaining_minor = remaining_minor + :amount,"
                            + " reason = :reason, changed_position = :position WHERE item_id = :id AND open")
                    .param("amount", amount).param("reason", reason).param("position", position)
                    .param("id", debtId + ":" + key).update();
            if (added == 0) {
                jdbc.sql("DELETE FROM " + items + " WHERE item_id = :id AND NOT open").param("id", debtId + ":" + key)
                        .update();
                raise(type, key, date.plusDays(type.daysToAct), date, reason, amount);
            }
        }

        private void reduce(WorkType type, long amount) {
            if (amount <= 0) {
                return;
            }
            jdbc.sql("UPDATE " + items + " SET remaining_minor = remaining_minor - :amount,"
                            + " open = remaining_minor - :amount > 0, changed_position = :position"
                            + " WHERE debt_id = :debt AND type = :type AND open")
                    .param("amount", amount).param("position", position).param("debt", debtId)
                    .param("type", type.name()).update();
        }

        /**
         * A payment ({@code sign} 1) reduces what is unpaid of missed instalments of the debt's current plan and
         * closes those paid; its reversal ({@code sign} -1) adds it back and opens them again.
         */
        private void payInstalments(List<InstalmentPayment> payments, int sign) {
            for (InstalmentPayment payment : payments) {
                jdbc.sql("UPDATE " + items + " i SET remaining_minor = remaining_minor - :amount,"
                                + " open = remaining_minor - :amount > 0, changed_position = :position"
                                + " FROM " + debts + " d WHERE d.debt_id = i.debt_id AND i.debt_id = :debt"
                                + " AND i.type = 'INSTALMENT_MISSED'"
                                + " AND i.item_id = :debt || ':plan-' || d.plan_number || '-instalment-' || :instalment")
                        .param("amount", sign * payment.amount().minorUnits()).param("position", position)
                        .param("debt", debtId).param("instalment", payment.instalmentNumber())
                        .update();
            }
        }

        private void close(WorkType type) {
            jdbc.sql("UPDATE " + items + " SET open = FALSE, changed_position = :position"
                            + " WHERE debt_id = :debt AND type = :type AND open")
                    .param("position", position).param("debt", debtId).param("type", type.name()).update();
        }
    }
}
