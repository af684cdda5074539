package org.debtledger.standalone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of one scrape of {@code /actuator/prometheus}, in Prometheus's text format. */
final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples = new ArrayList<>();

    Scrape(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                throw new IllegalArgumentException("not a sample: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(sample.group(1), labels, number(sample.group(3))));
        }
    }

    private static double number(String value) {
        return switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    /** The names of every sample in it. */
    Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /**
     * The sum of the samples named {@code name} whose labels include {@code labels} (name, value, ...); empty when
     * none is.
     */
    Optional<Double> value(String name, String... labels) {
        double sum = 0;
        boolean found = false;
        for (Sample sample : samples) {
            boolean matches = sample.name().equals(name);
            for (int i = 0; matches && i < labels.length; i += 2) {
                matches = labels[i + 1].equals(sample.labels().get(labels[i]));
            }
            if (matches) {
                sum += sample.value();
                found = true;
            }
        }
        return found ? Optional.of(sum) : Optional.empty();
    }

    /** As {@link #value}, 0 when no sample matches: a counter not yet incremented. */
    double count(String name, String... labels) {
        return value(name, labels).orElse(0.0);
    }
}
