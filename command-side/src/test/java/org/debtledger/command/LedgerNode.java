package org.debtledger.command;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** A whole command-side process in this JVM, on a loopback port, against one of the test databases. */
public final class LedgerNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    public final LedgerHttp http;

    private LedgerNode(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new LedgerHttp(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    public static LedgerNode start(String database, String... properties) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
                "--ledger.close-of-business.scheduled=false", "--spring.datasource.url=" + TestDatabase.jdbcUrl(database),
                "--spring.datasource.username=postgres", "--spring.datasource.password="));
        arguments.addAll(LedgerHttp.localUsers());
        for (String property : properties) {
            arguments.add("--" + property);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandSideApplication.class)
                .run(arguments.toArray(String[]::new));
        return new LedgerNode(context);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
