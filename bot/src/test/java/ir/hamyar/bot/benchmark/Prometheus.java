package ir.hamyar.bot.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reading of an application's meters from its Prometheus endpoint: how the benchmark reads the meters of the
 * application it runs in another JVM (the text format: {@code name{label="value",...} number} per line).
 */
final class Prometheus {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)(?: \\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Prometheus(List<Sample> samples) {
        this.samples = samples;
    }

    static Prometheus scrape(URI endpoint) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(endpoint + " answered " + r.statusCode());
        }
        return parse(r.body());
    }

    static Prometheus parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return new Prometheus(samples);
    }

    /** The sum of every series called {@code name}; 0 when there is none. */
    double sum(String name) {
        return samples.stream().filter(s -> s.name.equals(name)).mapToDouble(Sample::value).sum();
    }

    /** Whether any series is called {@code name}. */
    boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name.equals(name));
    }

    /** The series called {@code name} summed by the value of {@code label}. */
    Map<String, Double> sumBy(String name, String label) {
        Map<String, Double> by = new TreeMap<>();
        samples.stream().filter(s -> s.name.equals(name))
                .forEach(s -> by.merge(s.labels.getOrDefault(label, ""), s.value, Double::sum));
        return by;
    }
}
