package org.caselink.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole suite: for each scale, a generated graph imported (ingest benchmark with both floors,
 * then network detection), then the service started on it and measured over HTTP. Each step runs
 * in a JVM of its own, so that the service's resident memory is the service's, not what the
 * import left behind; the report ({@link SuiteReport}) puts the scales side by side and judges
 * the targets at the largest.
 */
final class SuiteBenchmark {

    /** Nodes per generated record, measured: 400,000 records made 916,329 nodes; 101,187 made 246,684. */
    static final double NODES_PER_RECORD = 2.3;

    record Scale(String name, long nodes) {
        int records() {
            return (int) Math.max(100, Math.round(nodes / NODES_PER_RECORD));
        }

        static Scale parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            long factor = t.endsWith("m") ? 1_000_000 : t.endsWith("k") ? 1_000 : 1;
            String digits = factor == 1 ? t : t.substring(0, t.length() - 1);
            return new Scale(t, Math.round(Double.parseDouble(digits) * factor));
        }
    }

    record Options(
            List<Scale> scales,
            long seed,
            int samples,
            int requests,
            int warmUp,
            int naiveRecords,
            String ingestHeap,
            String serviceHeap,
            Path workDir,
            boolean resume) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Runs every scale; returns the combined report, also written to {@code report}.md and .json. */
    static Map<String, Object> run(PrintWriter console, Options o, String report)
            throws IOException, InterruptedException {
        List<Map<String, Object>> scales = new ArrayList<>();
        for (Scale scale : o.scales()) {
            Path dir = o.workDir().resolve(scale.name());
            Files.createDirectories(dir);
            Reports.say(
                    console,
                    "=== Scale %s: about %,d nodes from %,d records ===",
                    scale.name(),
                    scale.nodes(),
                    scale.records());
            boolean imported = o.resume() && imported(dir, scale);
            if (imported) {
                Reports.say(console, "Keeping the import and its report in %s (--resume)", dir);
            } else {
                timed(dir, "ingest", () -> ingest(o, scale, dir));
            }
            Path measured = dir.resolve("http.json");
            if (imported
                    && Files.exists(measured)
                    && Files.getLastModifiedTime(measured)
                                    .compareTo(Files.getLastModifiedTime(dir.resolve("ingest.json")))
                            > 0) {
                Reports.say(console, "Keeping the service's measurement in %s (--resume)", measured);
            } else {
                timed(dir, "http", () -> serve(o, dir));
            }
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("scale", scale.name());
            s.put("records", scale.records());
            s.put("minutes", Math.round((minutes(dir, "ingest") + minutes(dir, "http")) * 10) / 10.0);
            s.put("ingest", JSON.readValue(dir.resolve("ingest.json").toFile(), Map.class));
            s.put("http", JSON.readValue(dir.resolve("http.json").toFile(), Map.class));
            scales.add(s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "suite");
        out.put("machine", Reports.machine());
        out.put("ingestHeap", o.ingestHeap());
        out.put("serviceHeap", o.serviceHeap());
        out.put("scales", scales);
        JsonNode tree = JSON.valueToTree(out);
        out.put("targets", SuiteReport.targets(tree.get("scales").get(scales.size() - 1)));
        String md = SuiteReport.markdown(JSON.valueToTree(out), o);
        Reports.publish(console, md, out, Path.of(report + ".md"), Path.of(report + ".json"));
        return out;
    }

    private static void ingest(Options o, Scale scale, Path dir) throws IOException, InterruptedException {
        child(
                o.ingestHeap(),
                "benchmark",
                "ingest",
                "--records",
                String.valueOf(scale.records()),
                "--seed",
                String.valueOf(o.seed()),
                "--naive-records",
                String.valueOf(o.naiveRecords()),
                "--analyse",
                "--work-dir",
                dir.toString(),
                "--report",
                dir.resolve("ingest").toString());
    }

    private interface Step {
        void run() throws IOException, InterruptedException;
    }

    /** Runs a step and keeps how long it took beside its report, so that a resumed suite still reports it. */
    private static void timed(Path dir, String step, Step work) throws IOException, InterruptedException {
        long start = System.nanoTime();
        work.run();
        Files.writeString(
                dir.resolve(step + ".minutes"), String.valueOf(Math.round((System.nanoTime() - start) / 6e9) / 10.0));
    }

    private static double minutes(Path dir, String step) throws IOException {
        Path file = dir.resolve(step + ".minutes");
        return Files.exists(file) ? Double.parseDouble(Files.readString(file).strip()) : 0;
    }

    private static void serve(Options o, Path dir) throws IOException, InterruptedException {
        child(
                o.serviceHeap(),
                "benchmark",
                "http",
                "--data-dir",
                dir.resolve("import-db").toString(),
                "--samples",
                String.valueOf(o.samples()),
                "--requests",
                String.valueOf(o.requests()),
                "--warm-up",
                String.valueOf(o.warmUp()),
                "--report",
                dir.resolve("http").toString());
    }

    /** Whether this folder holds a finished, analysed import of this scale (its report is written last). */
    private static boolean imported(Path dir, Scale scale) throws IOException {
        Path report = dir.resolve("ingest.json");
        if (!Files.exists(report) || !Files.isDirectory(dir.resolve("import-db"))) {
            return false;
        }
        JsonNode json = JSON.readTree(report.toFile());
        return json.path("records").asLong() >= scale.records()
                && !json.path("analysis").isEmpty();
    }

    /** Runs a caselink command in a JVM of its own with the given heap; fails unless it exits with 0. */
    static void child(String heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // This JVM's own options (module opens, native access, -XX flags) carry over; its heap,
        // debugger and agents (a coverage agent under test) do not.
        java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-Xmx")
                        && !a.startsWith("-agentlib")
                        && !a.startsWith("-javaagent")
                        && !a.startsWith("-Xrunjdwp")
                        && !a.startsWith("-XX:StartFlightRecording"))
                .forEach(command::add);
        command.add("-Xmx" + heap);
        String classPath = System.getProperty("java.class.path");
        if (isBootJar(classPath)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, Main.class.getName()));
        }
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            throw e;
        }
        if (exit != 0) {
            throw new IllegalStateException("exit " + exit + " from: " + String.join(" ", args));
        }
    }

    /** Whether this JVM was started by {@code java -jar caselink.jar}: a Spring Boot jar names its real main class. */
    private static boolean isBootJar(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.contains(java.io.File.pathSeparator)) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
