package org.debtledger.eventstore;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Axon's units of work in Spring transactions that nest. Alone, a unit of work runs in a transaction of its own;
 * inside a transaction already open on the thread (a group of commands committed together), it runs in a savepoint
 * of that transaction, so that rolling it back undoes its own writes only and committing it keeps them for the
 * shared commit. Axon's own {@code SpringTransactionManager} completes only a transaction it began: it would leave
 * a savepoint held, and a refused command's writes in the shared transaction.
 */
final class NestingTransactionManager implements TransactionManager {

    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final PlatformTransactionManager transactions;

    NestingTransactionManager(PlatformTransactionManager transactions) {
        this.transactions = transactions;
    }

    @Override
    public Transaction startTransaction() {
        TransactionStatus status = transactions.getTransaction(NESTED);
        return new Transaction() {
            @Override
            public void commit() {
                if (!status.isCompleted()) {
                    transactions.commit(status);
                }
            }

            @Override
            public void rollback() {
                if (!status.isCompleted()) {
                    transactions.rollback(status);
                }
            }
        };
    }
}
