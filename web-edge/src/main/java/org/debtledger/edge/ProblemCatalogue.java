package org.debtledger.edge;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The refusals one part of the ledger answers with, beside those of the edge ({@link Problems#EDGE}), and the names
 * of the rules it refuses by ({@code 422}, type {@code rule:<NAME>}): what the API's description lists.
 */
public record ProblemCatalogue(List<ProblemType> types, List<String> rules) {

    public ProblemCatalogue {
        types = List.copyOf(types);
        rules = List.copyOf(rules);
    }

    /** The names of the constants of {@code rules}, each an enum of rules. */
    @SafeVarargs
    public static List<String> ruleNames(Class<? extends Enum<?>>... rules) {
        return Arrays.stream(rules).flatMap(type -> Stream.of(type.getEnumConstants())).map(Enum::name).toList();
    }
}
