package org.debtledger.query.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Set;

/**
 * The creditors whose claims' descriptions go out in {@code debt.registered}
 * ({@code ledger.stream.publish-description-for}; none unless listed). A description is free text a user typed, and
 * can name a person or tell of their circumstances: it stays in the ledger unless the creditor allows otherwise.
 */
@ConfigurationProperties("ledger.stream")
public record DescriptionPublishing(Set<String> publishDescriptionFor) {

    public DescriptionPublishing {
        publishDescriptionFor = publishDescriptionFor == null ? Set.of() : Set.copyOf(publishDescriptionFor);
    }

    boolean publishedFor(String creditorId) {
        return publishDescriptionFor.contains(creditorId);
    }
}
