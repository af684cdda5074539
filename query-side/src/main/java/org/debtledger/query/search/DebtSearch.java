package org.debtledger.query.search;

import org.debtledger.payment.CreditorReference;
import org.debtledger.query.config.QueryConnections;
import org.debtledger.query.debt.DebtView;
import org.debtledger.query.personal.NameIndex;
import org.debtledger.query.projection.ReadModelJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.debtledger.query.projection.ProjectionVersions.active;

/**
 * Debts whose id, debtor id, invoice reference (case folded), creditor id, RF creditor reference or debtor's name
 * is exactly the text searched for, through the debt view's active version. Each branch is an index look-up; a
 * debt found several ways is answered once, as found the first way in {@link MatchedOn}'s order.
 */
@Component
class DebtSearch {

    enum MatchedOn { DEBT_ID, RF_REFERENCE, DEBTOR_ID, INVOICE_REFERENCE, CREDITOR_ID, NAME }

    record Found(DebtView view, MatchedOn matchedOn) {
    }

    private final JdbcClient jdbc;
    private final NameIndex names;

    DebtSearch(QueryConnections connections, NameIndex names) {
        this.jdbc = connections.jdbc();
        this.names = names;
    }

    /**
     * At most {@code limit} debts after the first {@code offset}, by debtor id then debt id; only {@code creditorId}'s
     * when {@code ownCreditorOnly} (none if it is null).
     */
    List<Found> find(String text, boolean ownCreditorOnly, String creditorId, int offset, int limit) {
        String table = active("debt_view");
        String columns = "SELECT debtor_id, debt_id, creditor_id, view, ";
        return jdbc.sql("SELECT DISTINCT ON (debtor_id, debt_id) view, matched_on FROM ("
                        + columns + "0 AS matched_on FROM " + table + " WHERE debt_id = :text"
                        + " UNION ALL " + columns + "1 FROM " + table + " WHERE debt_id = :rfDebtId"
                        + " UNION ALL " + columns + "2 FROM " + table + " WHERE debtor_id = :text"
                        + " UNION ALL " + columns + "3 FROM " + table
                        + " WHERE lower(view ->> 'invoiceReference') = lower(:text)"
                        + " UNION ALL " + columns + "4 FROM " + table + " WHERE creditor_id = :text"
                        + " UNION ALL " + columns + "5 FROM " + table + " WHERE debtor_id IN"
                        + " (SELECT debtor_id FROM ledger_private.debtor_name_hash WHERE hash = :nameHash)"
                        + ") matches WHERE NOT :ownOnly OR creditor_id = :creditor"
                        + " ORDER BY debtor_id, debt_id, matched_on LIMIT :limit OFFSET :offset")
                .param("text", text)
                .param("rfDebtId", rfDebtId(text))
                .param("nameHash", names.hashOf(text))
                .param("ownOnly", ownCreditorOnly)
                .param("creditor", creditorId)
                .param("limit", limit)
                .param("offset", offset)
                .query((row, n) -> new Found(ReadModelJson.read(row.getString(1), DebtView.class),
                        MatchedOn.values()[row.getInt(2)]))
                .list();
    }

    /** The debt an RF reference names, or null when the text is none (a malformed one included). */
    private static String rfDebtId(String text) {
        try {
            return CreditorReference.parse(text).debtId().value();
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }
}
