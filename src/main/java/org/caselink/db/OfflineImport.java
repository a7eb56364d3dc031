package org.caselink.db;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * Neo4j's own offline importer ({@code neo4j-admin database import full}), run in this process on
 * the embedded database's folder while the database is stopped: it writes the store files of the
 * {@code neo4j} database straight from CSV files, without transactions, replacing that database
 * (the system database, with its users, stays). The bulk path's last step before the service
 * starts on the new store; the caller has made sure there was nothing in it to lose.
 */
public final class OfflineImport {

    private OfflineImport() {}

    /** What the importer did: its wall time, and its own report (kept in the data folder's logs). */
    public record Result(Duration took, Path report) {}

    /** The importer refused or failed: its report says why. */
    public static final class Failed extends RuntimeException {
        Failed(String message) {
            super(message);
        }
    }

    /**
     * Imports {@code nodes} and {@code relationships} (CSV with typed headers, integer ids, list
     * elements separated by {@code arrayDelimiter}; values may span lines in the {@code multiline} files) into the embedded
     * database under {@code home}, replacing it.
     */
    public static Result run(
            Path home, List<Path> nodes, List<Path> relationships, List<Path> multiline, char arrayDelimiter)
            throws IOException {
        Path logs = home.resolve("logs");
        Files.createDirectories(logs);
        Path report = logs.resolve("bulk-import.log");
        List<String> args = new ArrayList<>(List.of(
                "neo4j",
                "--overwrite-destination=true",
                "--id-type=INTEGER",
                "--array-delimiter=U+" + String.format("%04X", (int) arrayDelimiter),
                // the file names are paths, not patterns (a data folder may hold regex characters)
                "--path-pattern-style=none",
                "--report-file=" + logs.resolve("bulk-import-report.txt")));
        if (!multiline.isEmpty()) {
            // Only these files are read as having values that span lines (newlines in an ad's text).
            args.add("--multiline-fields-format=v2");
            args.add("--multiline-fields="
                    + String.join(
                            ",",
                            multiline.stream()
                                    .map(f -> f.toAbsolutePath().toString())
                                    .toList()));
        }
        nodes.forEach(f -> args.add("--nodes=" + f.toAbsolutePath()));
        relationships.forEach(f -> args.add("--relationships=" + f.toAbsolutePath()));
        var output = new ByteArrayOutputStream();
        long start = System.nanoTime();
        int code;
        try (var out = new PrintStream(output, true, StandardCharsets.UTF_8);
                var fs = new DefaultFileSystemAbstraction()) {
            var context = new ExecutionContext(home, home.resolve("conf"), out, out, fs);
            code = new CommandLine(new ImportCommand.Full(context)).execute(args.toArray(String[]::new));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        String text = output.toString(StandardCharsets.UTF_8);
        Files.writeString(report, text, StandardCharsets.UTF_8);
        if (code != 0) {
            throw new Failed("Neo4j's importer failed (exit code " + code + "); its output is in " + report + ":\n"
                    + tail(text, 40));
        }
        return new Result(took, report);
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
