package org.debtledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode results(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String target) {
        return rows.stream().filter(row -> row.get("target").equals(target)).findFirst().orElseThrow();
    }

    @Test
    void eachFigureIsJudgedAgainstItsBoundOnTheRightSideAndBesideThePreviousRun() throws Exception {
        JsonNode now = results("""
                {'figures': [{'figure': 'commands', 'clients': 4, 'ratioToCeiling': 0.16},
                             {'figure': 'in-process', 'clients': 16, 'ratioToCeiling': 1.02}],
                 'readSide': {'queryP99Millis': 40.0, 'projectionLagP99Millis': 99.9},
                 'bankFile': {'payments': 50000, 'seconds': 7.3}}""");
        JsonNode previous = results("""
                {'figures': [{'figure': 'commands', 'clients': 4, 'ratioToCeiling': 0.12}],
                 'readSide': {'queryP99Millis': 16.0}}""");

        List<Map<String, Object>> rows = Targets.rows(now, previous);

        Map<String, Object> http = row(rows, "commands over HTTP at 4 clients, ratio to the ceiling");
        assertThat(http).containsEntry("goal", "at least 0.500").containsEntry("previous", 0.12)
                .containsEntry("now", 0.16).containsEntry("verdict", "missed by a factor of 3.13");
        assertThat(row(rows, "commands in process at 16 clients, ratio to the ceiling"))
                .containsEntry("previous", null).containsEntry("verdict", "met");
        assertThat(row(rows, "queries p99 at 200 a second while commands run"))
                .containsEntry("goal", "under 20.0 ms").containsEntry("previous", 16.0)
                .containsEntry("verdict", "missed by a factor of 2.00");
        assertThat(row(rows, "projection lag p99 while commands run")).containsEntry("verdict", "met");
        assertThat(row(rows, "bank file of 50,000 payments, the first after a start")).containsEntry("verdict", "met");
        assertThat(rows).extracting(row -> row.get("target")).as("figures neither run measured have no row")
                .doesNotContain("commands over HTTP at 1 client, ratio to the ceiling", "rebuild of both read models");
    }

    @Test
    void aBankFileOfAnotherSizeIsNotTheTargetsFile() throws Exception {
        JsonNode now = results("{'bankFile': {'payments': 200, 'seconds': 0.07}}");

        assertThat(Targets.rows(now, null)).isEmpty();
    }

    @Test
    void aFigureOnlyThePreviousRunMeasuredIsShownAsNotMeasuredNow() throws Exception {
        JsonNode previous = results("{'readSide': {'rebuildEventsPerSecond': 30016}}");

        assertThat(Targets.rows(results("{}"), previous)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("previous", 30016.0).containsEntry("now", null)
                        .containsEntry("verdict", "not measured"));
    }
}
