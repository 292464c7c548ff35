package dev.sqlink.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A measurement made outside JMH (cold start, heap) written in the shape of JMH's JSON result
 * file, so {@link dev.sqlink.bench.report.ResultTable} reads every result the same way.
 */
record JmhStyleResult(String benchmark, DriverUnderTest driver, String unit, List<Double> values) {

    double median() {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void write(Path file, List<JmhStyleResult> results) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        for (JmhStyleResult result : results) {
            ObjectNode entry = all.addObject();
            entry.put("benchmark", result.benchmark());
            entry.put("mode", "ss");
            entry.putObject("params").put("driver", result.driver().parameterName());
            ObjectNode metric = entry.putObject("primaryMetric");
            metric.put("score", result.median());
            metric.put("scoreUnit", result.unit());
            ArrayNode raw = metric.putArray("rawData").addArray();
            result.values().forEach(raw::add);
        }
        json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), all);
    }
}
