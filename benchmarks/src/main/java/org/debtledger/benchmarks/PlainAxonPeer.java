package org.debtledger.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.jpa.TokenEntry;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.SnapshotEventEntry;
import org.axonframework.modelling.saga.repository.jpa.AssociationValueEntry;
import org.axonframework.modelling.saga.repository.jpa.SagaEntry;
import org.axonframework.serialization.json.JacksonSerializer;
import org.debtledger.command.contact.DebtorContacts;
import org.debtledger.command.debt.Debt;
import org.debtledger.command.debt.DebtHistory;
import org.debtledger.command.debt.ScannedDebtHistory;
import org.debtledger.command.policy.CollectionPolicy;
import org.debtledger.serialization.EventSerialization;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BinaryJdbcType;
import org.springframework.context.ApplicationContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peer a user would otherwise pick: the ledger's own {@link Debt} aggregate on a plain Axon configuration, built
 * with Axon's Configurer API ({@link DefaultConfigurer#jpaConfiguration}), in a database of its own on the run's
 * PostgreSQL: Axon's JPA storage engine with its defaults, Hibernate as the JPA provider, the default command bus and
 * gateway, no snapshots (the aggregate's Spring stereotype, which names the ledger's snapshot trigger, plays no part
 * here), no aggregate cache, Jackson as the serializer (see below), a Hikari pool of as many connections as the ledger
 * has.
 * <p>
 * Axon's JPA entities get the schema Hibernate generates for them, with the one change Axon's documentation advises
 * on PostgreSQL: their binary columns (payload, metadata, token, saga), which Axon declares as large objects, are
 * {@code bytea} ({@link ByteaLobs}), not PostgreSQL large objects. The global index comes from Hibernate's sequence with an increment of 50.
 */
final class PlainAxonPeer implements AutoCloseable {

    static final String DATABASE = "plain_axon";
    private static final int POOL_SIZE = 20; // as many connections as the benchmark gives the ledger

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagers;
    private final Configuration axon;

    private PlainAxonPeer(HikariDataSource dataSource, EntityManagerFactory entityManagers, Configuration axon) {
        this.dataSource = dataSource;
        this.entityManagers = entityManagers;
        this.axon = axon;
    }

    /** The ledger's command figures and the plain peer's, both in process, and what each ran on. */
    record InProcess(List<Figure> ledger, List<Figure> plainAxon, Map<String, Object> configuration) {
    }

    /**
     * The command mix sent in process at each of {@code clients}, first through the running ledger's own command
     * gateway, then through the plain peer's, each figure right after a {@code ceiling} of its own. Each side is
     * first warmed up at 4 clients unmeasured, so neither is timed while its classes load and compile.
     */
    static InProcess measureInProcess(EmbeddedPostgres postgres, Ceiling ceiling, ApplicationContext ledger,
                                      Duration each, int[] clients) throws Exception {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("ledgerEventStorageEngine",
                ledger.getBean(EventStorageEngine.class).getClass().getSimpleName());
        CommandGateway ledgerGateway = ledger.getBean(CommandGateway.class);
        List<Figure> ledgerFigures = measureAll("in-process", ledgerGateway, ceiling, each, clients);

        List<Figure> plainFigures;
        try (PlainAxonPeer peer = start(postgres)) {
            plainFigures = measureAll("plain-axon", peer.commandGateway(), ceiling, each, clients);
            configuration.put("plainAxon", peer.describe());
        }
        return new InProcess(ledgerFigures, plainFigures, configuration);
    }

    private static List<Figure> measureAll(String name, CommandGateway gateway, Ceiling ceiling, Duration each,
                                           int[] clients) throws Exception {
        Load.warmUp(name, each,
                slice -> Load.measure(name + "-warm-up", 4, slice, client -> new GatewayCommandMix(gateway)));
        List<Figure> figures = new ArrayList<>();
        for (int concurrency : clients) {
            figures.add(ceiling.beside(name, concurrency, each, client -> new GatewayCommandMix(gateway)));
        }
        return figures;
    }

    /** Creates the peer's database on {@code postgres}, its tables as Hibernate generates them, and starts Axon. */
    static PlainAxonPeer start(EmbeddedPostgres postgres) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(postgres.getDatabase("postgres", DATABASE));
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setPoolName(DATABASE);
        HikariDataSource dataSource = new HikariDataSource(pool);
        EntityManagerFactory entityManagers = null;
        try {
            entityManagers = new PersistenceConfiguration(DATABASE)
                    .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                    .managedClass(DomainEventEntry.class)
                    .managedClass(SnapshotEventEntry.class)
                    .managedClass(TokenEntry.class)
                    .managedClass(SagaEntry.class)
                    .managedClass(AssociationValueEntry.class)
                    .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .property(JdbcSettings.DIALECT, ByteaLobs.class.getName())
                    .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "create")
                    .createEntityManagerFactory();
            ResourceLocalTransactions jpa = new ResourceLocalTransactions(entityManagers);

            Configuration axon = DefaultConfigurer.jpaConfiguration(jpa, jpa)
                    // Not XStream, Axon 4's default: it writes the ledger's records but cannot read them back (it
                    // sets fields through Unsafe, which refuses a record's fields). Jackson instead, with the mapper
                    // the ledger's events are pinned to, for events, snapshots and tokens alike.
                    .configureSerializer(c -> JacksonSerializer.builder()
                            .objectMapper(EventSerialization.objectMapper()).build())
                    // the aggregate's command handlers take the policy as a parameter: a component resolves it
                    .registerComponent(CollectionPolicy.class, c -> CollectionPolicy.shipped())
                    // and a repeated payment id is looked up in the debt's events: this store has no payment index.
                    // The event store is asked for at the first lookup: building it inspects the aggregate, whose
                    // inspection asks for this component.
                    .registerComponent(DebtHistory.class, c -> new ScannedDebtHistory(c::eventStore))
                    // a contact's limits count the debtor's contacts over all their debts: the peer records none
                    .registerComponent(DebtorContacts.class, c -> (debtor, channel, from, through) -> {
                        throw new UnsupportedOperationException("the plain peer records no contacts");
                    })
                    .configureAggregate(Debt.class)
                    .buildConfiguration();
            axon.start();
            return new PlainAxonPeer(dataSource, entityManagers, axon);
        } catch (RuntimeException e) {
            if (entityManagers != null) {
                entityManagers.close();
            }
            dataSource.close();
            throw e;
        }
    }

    CommandGateway commandGateway() {
        return axon.commandGateway();
    }

    /** What the peer ran on, as found in its configuration and its database. */
    Map<String, Object> describe() throws Exception {
        Map<String, Object> description = new LinkedHashMap<>();
        // the storage engine sits inside the event store, out of reach: the tables below are its trace
        description.put("eventStore", axon.eventStore().getClass().getSimpleName());
        description.put("serializer", axon.eventSerializer().getClass().getSimpleName());
        description.put("jpaProvider", "Hibernate " + org.hibernate.Version.getVersionString());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            ResultSet payload = statement.executeQuery("SELECT data_type FROM information_schema.columns"
                    + " WHERE table_name = 'domainevententry' AND column_name = 'payload'");
            description.put("payloadColumnType", payload.next() ? payload.getString(1) : "none");
            ResultSet events = statement.executeQuery("SELECT count(*) FROM domainevententry");
            events.next();
            description.put("eventsStored", events.getLong(1));
            ResultSet sequence = statement.executeQuery("SELECT increment FROM information_schema.sequences"
                    + " WHERE sequence_name = 'domainevententry_seq'");
            description.put("globalIndexSequenceIncrement", sequence.next() ? sequence.getLong(1) : 0);
        }
        return description;
    }

    /** PostgreSQL as Hibernate knows it, but binary large objects kept in {@code bytea} columns, in the row. */
    public static final class ByteaLobs extends PostgreSQLDialect {

        @Override
        protected String columnType(int sqlTypeCode) {
            return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.columnType(sqlTypeCode);
        }

        @Override
        protected String castType(int sqlTypeCode) {
            return sqlTypeCode == SqlTypes.BLOB ? "bytea" : super.castType(sqlTypeCode);
        }

        @Override
        public void contributeTypes(TypeContributions contributions, ServiceRegistry services) {
            super.contributeTypes(contributions, services);
            contributions.getTypeConfiguration().getJdbcTypeRegistry()
                    .addDescriptor(Types.BLOB, BinaryJdbcType.INSTANCE);
        }
    }

    @Override
    public void close() {
        try {
            axon.shutdown();
        } finally {
            try {
                entityManagers.close();
            } finally {
                dataSource.close();
            }
        }
    }
}
