package org.caselink.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** What every benchmark report shares: the machine it ran on, and writing it as Markdown and JSON. */
final class Reports {

    private Reports() {}

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        long bytes = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize()
                : -1;
        m.put("memoryGiB", Math.round(bytes / (1024.0 * 1024 * 1024)));
        m.put(
                "jvm",
                System.getProperty("java.vm.name") + " " + Runtime.version() + ", max heap "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    /** Writes the report for people ({@code markdown}) and machines ({@code json}), and prints the first. */
    static void publish(PrintWriter console, String md, Map<String, Object> out, Path markdown, Path json)
            throws IOException {
        Files.createDirectories(markdown.toAbsolutePath().getParent());
        Files.writeString(markdown, md);
        Files.writeString(
                json,
                JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(out));
        console.print(md);
        console.println("Report: " + markdown + " and " + json);
        console.flush();
    }

    /** Median, p95, p99 and maximum of a set of timings, in milliseconds (nearest-rank percentiles). */
    record Spread(int runs, double medianMs, double p95Ms, double p99Ms, double maxMs) {
        static Spread of(java.util.Collection<Double> ms) {
            if (ms.isEmpty()) {
                throw new IllegalArgumentException("no timings");
            }
            List<Double> s = new ArrayList<>(ms);
            Collections.sort(s);
            return new Spread(s.size(), rank(s, 0.5), rank(s, 0.95), rank(s, 0.99), s.getLast());
        }

        private static double rank(List<Double> sorted, double q) {
            return sorted.get(Math.max(0, (int) Math.ceil(q * sorted.size()) - 1));
        }
    }

    /**
     * This process's resident memory now and at its peak, in MiB, from {@code /proc/self/status}
     * ({@code VmRSS}, {@code VmHWM}); -1 where there is no such file (not Linux).
     */
    static long[] residentMiB() {
        long[] out = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    out[0] = kib(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    out[1] = kib(line) / 1024;
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static long kib(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    /** Prints a progress line to the command's output. */
    static void say(PrintWriter console, String format, Object... args) {
        console.println(String.format(Locale.ROOT, format, args));
        console.flush();
    }
}
