package org.debtledger.query.debt;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where two JSON answers differ, as a flat list of JSON pointers with the value before and after: objects are
 * compared field by field and arrays item by item; a value that changed kind (null to an object) differs whole.
 */
public final class FieldDifferences {

    private FieldDifferences() {
    }

    /** One field that differs; a field only one side has is null on the other. */
    public record Difference(String path, JsonNode before, JsonNode after) {
    }

    public static List<Difference> between(String path, JsonNode before, JsonNode after) {
        List<Difference> differences = new ArrayList<>();
        compare(path, before == null ? NullNode.getInstance() : before,
                after == null ? NullNode.getInstance() : after, differences);
        return differences;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Difference> differences) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                compare(path + "/" + escaped(name), before.path(name).missingAs(NullNode::getInstance),
                        after.path(name).missingAs(NullNode::getInstance), differences);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(path + "/" + i, before.path(i).missingAs(NullNode::getInstance),
                        after.path(i).missingAs(NullNode::getInstance), differences);
            }
        } else {
            differences.add(new Difference(path, before, after));
        }
    }

    /** A field name as a JSON pointer writes it (RFC 6901). */
    private static String escaped(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
