package org.debtledger.query.debt;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FieldDifferencesTest {

    private static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }

    @Test
    void eachChangedLeafIsListedByItsPathWithItsValuesBeforeAndAfter() {
        List<FieldDifferences.Difference> differences = FieldDifferences.between("/state",
                json("{\"outstanding\": {\"interest\": \"0.00\", \"principal\": \"2717.20\"}, \"plan\": null,"
                        + " \"instalments\": [1, 2]}"),
                json("{\"outstanding\": {\"interest\": \"12.51\", \"principal\": \"2717.20\"}, \"plan\": {\"number\": 1},"
                        + " \"instalments\": [1, 3, 4]}"));

        assertThat(differences).extracting(FieldDifferences.Difference::path).containsExactly(
                "/state/outstanding/interest", "/state/plan", "/state/instalments/1", "/state/instalments/2");
        assertThat(differences.get(0).before().asString()).isEqualTo("0.00");
        assertThat(differences.get(0).after().asString()).isEqualTo("12.51");
        assertThat(differences.get(1).before().isNull()).isTrue();
        assertThat(differences.get(3).before().isNull()).isTrue();
    }

    @Test
    void equalAnswersDifferNowhere() {
        assertThat(FieldDifferences.between("", json("{\"a\": [1, {\"b\": null}]}"), json("{\"a\": [1, {\"b\": null}]}")))
                .isEmpty();
    }
}
