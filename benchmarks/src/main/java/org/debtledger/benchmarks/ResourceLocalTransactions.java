package org.debtledger.benchmarks;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * Resource-local JPA transactions outside a container, for Axon's JPA components: each thread's outermost transaction
 * opens its own entity manager and transaction, a transaction started inside it joins it (as Spring's REQUIRED does),
 * and {@link #getEntityManager()} answers the entity manager of the thread's transaction. Axon brings no such class
 * for a configuration without Spring or JTA, and its {@code SimpleEntityManagerProvider} holds one entity manager,
 * which threads must not share.
 */
final class ResourceLocalTransactions implements EntityManagerProvider, TransactionManager {

    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    ResourceLocalTransactions(EntityManagerFactory factory) {
        this.factory = factory;
    }

    @Override
    public EntityManager getEntityManager() {
        EntityManager entityManager = current.get();
        if (entityManager == null) {
            throw new IllegalStateException("the event store was used outside a transaction");
        }
        return entityManager;
    }

    @Override
    public Transaction startTransaction() {
        EntityManager outer = current.get();
        if (outer != null) {
            return new Transaction() {
                @Override
                public void commit() {
                    // the outermost transaction commits
                }

                @Override
                public void rollback() {
                    if (outer.isOpen() && outer.getTransaction().isActive()) {
                        outer.getTransaction().setRollbackOnly();
                    }
                }
            };
        }
        EntityManager entityManager = factory.createEntityManager();
        try {
            entityManager.getTransaction().begin();
        } catch (RuntimeException e) {
            entityManager.close();
            throw e;
        }
        current.set(entityManager);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    entityManager.getTransaction().commit();
                } finally {
                    close(entityManager);
                }
            }

            @Override
            public void rollback() {
                try {
                    if (entityManager.isOpen() && entityManager.getTransaction().isActive()) {
                        entityManager.getTransaction().rollback();
                    }
                } finally {
                    close(entityManager);
                }
            }
        };
    }

    private void close(EntityManager entityManager) {
        if (current.get() == entityManager) {
            current.remove();
        }
        if (entityManager.isOpen()) {
            entityManager.close();
        }
    }
}
