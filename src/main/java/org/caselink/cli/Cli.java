package org.caselink.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.caselink.ingest.ImportSource;
import org.caselink.ingest.Importer;
import org.caselink.write.Records.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own commands: {@code import}, {@code backup} and {@code restore}. Started by
 * {@code ./caselink <command> ...} (the jar's {@link Main}); anything else starts the service. The
 * generator, scoring and benchmarks are commands of the bench module, which builds on
 * {@link Contexts}.
 */
@Command(
        name = "caselink",
        mixinStandardHelpOptions = true,
        subcommands = {Cli.Import.class, Cli.BackupCommand.class, Cli.RestoreCommand.class},
        description = "caselink commands; with no command, the service starts.")
public final class Cli {

    public static final Set<String> COMMANDS = Set.of("import", "backup", "restore", "help", "--help", "-h");

    private Cli() {}

    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String... args) {
        return run(
                new PrintWriter(System.out, true, java.nio.charset.Charset.defaultCharset()),
                new PrintWriter(System.err, true, java.nio.charset.Charset.defaultCharset()),
                args);
    }

    /** Runs a command that writes its report to {@code out} and its refusals and errors to {@code err}. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new Cli())
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    if (e instanceof Contexts.Refused) {
                        // A situation the user can act on: the message says what to do, a stack trace would bury it.
                        line.getErr().println(e.getMessage());
                        return 1;
                    }
                    throw e;
                })
                .execute(args);
    }

    /**
     * A command that writes to the streams it was given ({@link #run(PrintWriter, PrintWriter,
     * String...)}): a test's buffers, or the terminal. The benchmark commands beside the service are
     * such commands too.
     */
    public abstract static class Printing {
        @CommandLine.Spec
        protected CommandLine.Model.CommandSpec spec;

        protected PrintWriter out() {
            return spec.commandLine().getOut();
        }

        protected PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    /** Who a command acts as in the audit trail. */
    static final String CLI_USER = "cli:" + System.getProperty("user.name");

    @Command(
            name = "import",
            description = "Imports JSON Lines files (and ads as .csv) into the database (./data, or NEO4J_URI).")
    static final class Import extends Printing implements Callable<Integer> {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "files to import, in order")
        List<Path> files;

        @Option(
                names = "--errors",
                description = "where rejected records are written (default: <first file>.errors.jsonl)")
        Path errors;

        @Option(
                names = "--batch-size",
                description = "records per transaction (default ${DEFAULT-VALUE})",
                defaultValue = "1000")
        int batchSize;

        @Option(names = "--data-dir", description = "embedded database folder (default ./data; CASELINK_DATA_DIR)")
        Path dataDir;

        @Option(names = "--profile", description = "print where the time went, per statement")
        boolean profile;

        @Option(
                names = "--bulk",
                description = "first load into an empty embedded database, through Neo4j's offline importer (much"
                        + " faster; refuses a database that holds anything)")
        boolean bulk;

        @Override
        public Integer call() throws IOException {
            for (Path f : files) {
                if (!Files.isReadable(f)) {
                    err().println("Cannot read " + f);
                    return 2;
                }
            }
            Path errorFile = errors != null ? errors : Path.of(files.getFirst() + ".errors.jsonl");
            List<String> props = new ArrayList<>(List.of("caselink.ingest.batch-size=" + batchSize));
            if (dataDir != null) {
                props.add("caselink.embedded.data-dir=" + dataDir);
            }
            long totalBytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
            JsonMapper json = JsonMapper.builder().build();
            if (bulk) {
                return bulk(props, errorFile, totalBytes, json);
            }
            StatementProfile timing = new StatementProfile();
            try (var ctx = Contexts.context(profile ? List.of(timing) : List.of(), props.toArray(String[]::new));
                    BufferedWriter err = Files.newBufferedWriter(errorFile, StandardCharsets.UTF_8);
                    ProgressBar bar = progressBar(totalBytes)) {
                Importer importer = ctx.getBean(Importer.class);
                // Audited before it runs (no audit, no import) and after, with what it did, as the
                // operating-system user: the command is an import like any other.
                var audit = ctx.getBean(org.caselink.audit.AuditLog.class);
                List<String> names = files.stream().map(Path::toString).toList();
                audit.append("import", "IMPORT", CLI_USER, null, "STARTED", java.util.Map.of("files", names));
                Importer.Summary summary;
                try {
                    summary = importer.run(files.stream().map(ImportSource::of).toList(), new Told(bar, json, err));
                } catch (org.caselink.ingest.ImportInterruptedException e) {
                    // The database went away: no audit event can be written now; the next run's is.
                    bar.close();
                    err.flush();
                    err().println(e.getMessage());
                    return 3;
                }
                bar.close();
                audited(audit, names, false, summary);
                out().println(summary);
                timing.lines().forEach(out()::println);
                return outcome(summary, errorFile);
            }
        }

        /** The import's outcome in the audit trail, as the operating-system user. */
        private static void audited(
                org.caselink.audit.AuditLog audit, List<String> names, boolean bulk, Importer.Summary summary) {
            audit.append(
                    "import",
                    "IMPORT",
                    CLI_USER,
                    null,
                    summary.rejected() == 0 ? "SUCCESS" : "PARTIAL",
                    java.util.Map.of(
                            "files", names,
                            "bulk", bulk,
                            "read", summary.read(),
                            "imported", summary.imported(),
                            "rejected", summary.rejected()));
        }

        /** The exit code: 1 when records were rejected (they are in the errors file), else 0. */
        private Integer outcome(Importer.Summary summary, Path errorFile) throws IOException {
            if (summary.rejected() > 0) {
                out().println("Rejected records (file, line, field, reason) are in " + errorFile);
                return 1;
            }
            Files.deleteIfExists(errorFile);
            return 0;
        }

        /** The progress bar and the errors file, told as an import goes. */
        private record Told(ProgressBar bar, JsonMapper json, BufferedWriter err, long[] done)
                implements Importer.Listener {
            Told(ProgressBar bar, JsonMapper json, BufferedWriter err) {
                this(bar, json, err, new long[] {0});
            }

            @Override
            public void progress(long records, long bytesRead, ImportSource source) {
                bar.stepTo(done[0] + Math.min(bytesRead, source.size()));
                bar.setExtraMessage(records + " records");
                if (bytesRead >= source.size()) {
                    done[0] += source.size();
                }
            }

            @Override
            public void error(Problem p) {
                writeError(json, err, p);
            }
        }

        /** A rejected record, as one line of the errors file. */
        private static void writeError(JsonMapper json, BufferedWriter err, Problem p) {
            try {
                err.write(json.writeValueAsString(java.util.Map.of(
                        "file",
                        p.origin().file(),
                        "line",
                        p.origin().line(),
                        "key",
                        String.valueOf(p.key()),
                        "field",
                        p.field(),
                        "reason",
                        p.reason())));
                err.write('\n');
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /**
         * The bulk path: the records read and the store's files written with the database running
         * (it must be empty), the store written by Neo4j's importer with it stopped, then the
         * service started on the new store to make the schema and derive what every import derives.
         */
        private Integer bulk(List<String> props, Path errorFile, long totalBytes, JsonMapper json) throws IOException {
            List<String> names = files.stream().map(Path::toString).toList();
            java.util.Map<String, Object> started = java.util.Map.of("files", names, "bulk", true);
            org.caselink.ingest.BulkImport.Prepared prepared;
            String refusal = null;
            try (var ctx = Contexts.context(props.toArray(String[]::new));
                    BufferedWriter err = Files.newBufferedWriter(errorFile, StandardCharsets.UTF_8);
                    ProgressBar bar = progressBar(totalBytes)) {
                var audit = ctx.getBean(org.caselink.audit.AuditLog.class);
                audit.append("import", "IMPORT", CLI_USER, null, "STARTED", started);
                // Into the graph now: the new store carries the audit trail as the graph holds it.
                audit.shipJournal();
                try {
                    prepared = ctx.getBean(org.caselink.ingest.BulkImport.class)
                            .prepare(files.stream().map(ImportSource::of).toList(), new Told(bar, json, err));
                } catch (org.caselink.ingest.BulkImport.Refused e) {
                    audit.append(
                            "import",
                            "IMPORT",
                            CLI_USER,
                            null,
                            "FAILURE",
                            java.util.Map.of("files", names, "bulk", true, "reason", e.getMessage()));
                    prepared = null;
                    refusal = e.getMessage();
                }
                bar.close();
            }
            if (prepared == null) {
                Files.deleteIfExists(errorFile);
                err().println(refusal);
                return 2;
            }
            err().printf(
                            "Read %,d records into %,d nodes and %,d relationships; Neo4j's importer is writing the store%n",
                            prepared.read(), prepared.nodes(), prepared.relationships());
            var loaded = org.caselink.ingest.BulkImport.load(prepared);
            org.caselink.ingest.BulkImport.cleanUp(prepared.work());
            err().println("Store written; starting on it to make the indexes and derive the links");
            Importer.Summary summary;
            try (var ctx = Contexts.context(props.toArray(String[]::new))) {
                summary = ctx.getBean(org.caselink.ingest.BulkImport.class).finish(prepared, loaded);
                audited(ctx.getBean(org.caselink.audit.AuditLog.class), names, true, summary);
            }
            out().println(summary);
            return outcome(summary, errorFile);
        }

        /** A bar on a terminal; plain lines now and then otherwise (a log, CI). */
        private static ProgressBar progressBar(long totalBytes) {
            var builder = new ProgressBarBuilder()
                    .setTaskName("import")
                    .setInitialMax(Math.max(1, totalBytes))
                    .setUnit(" MB", 1_000_000)
                    .showSpeed()
                    .setStyle(ProgressBarStyle.ASCII);
            if (System.console() == null) {
                builder.setConsumer(new me.tongfei.progressbar.DelegatingProgressBarConsumer(System.err::println))
                        .setUpdateIntervalMillis(10_000);
            }
            return builder.build();
        }
    }

    @Command(
            name = "backup",
            description = "Backs up the embedded database (./data) into a zip file; a running service does it with"
                    + " POST /api/admin/backup.")
    static final class BackupCommand extends Printing implements Callable<Integer> {

        @Option(names = "--data-dir", description = "embedded database folder (default ./data; CASELINK_DATA_DIR)")
        Path dataDir;

        @Option(names = "--to", description = "folder for the backup file (default ./backups; CASELINK_BACKUP_DIR)")
        Path to;

        @Override
        public Integer call() throws Exception {
            List<String> props = new ArrayList<>();
            if (dataDir != null) {
                props.add("caselink.embedded.data-dir=" + dataDir);
            }
            try (var ctx = Contexts.context(props.toArray(String[]::new))) {
                var backup = ctx.getBean(org.caselink.backup.Backup.class);
                var audit = ctx.getBean(org.caselink.audit.AuditLog.class);
                audit.append("backup", "BACKUP", CLI_USER, null, "STARTED", java.util.Map.of());
                var r = to == null ? backup.run() : backup.run(to);
                audit.append(
                        "backup",
                        "BACKUP",
                        CLI_USER,
                        null,
                        "SUCCESS",
                        java.util.Map.of("file", r.file().getFileName().toString(), "pauseMillis", r.pauseMillis()));
                out().printf(
                                "Backup %s (%,d bytes): %,d nodes, %,d relationships, %,d audit events; writes paused %d ms,"
                                        + " %d ms in all%n",
                                r.file(),
                                r.bytes(),
                                r.counts().nodes(),
                                r.counts().relationships(),
                                r.counts().auditEvents(),
                                r.pauseMillis(),
                                r.totalMillis());
                return 0;
            }
        }
    }

    @Command(
            name = "restore",
            description = "Restores a backup into a new, empty data folder, checks every file, the counts and the"
                    + " audit chain.")
    static final class RestoreCommand extends Printing implements Callable<Integer> {

        @Parameters(arity = "1", paramLabel = "BACKUP", description = "a caselink-backup-*.zip file")
        Path file;

        @Option(names = "--data-dir", required = true, description = "the new embedded database folder (must be empty)")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            org.caselink.backup.Restore.Restored restored;
            try {
                restored = org.caselink.backup.Restore.into(file, dataDir);
            } catch (IllegalArgumentException e) {
                err().println(e.getMessage());
                return 2;
            }
            out().printf(
                            "Restored %d files into %s: %,d nodes, %,d relationships, %,d audit events (the backup says"
                                    + " %,d, %,d, %,d); ids key %s%n",
                            restored.files(),
                            dataDir,
                            restored.found().nodes(),
                            restored.found().relationships(),
                            restored.found().auditEvents(),
                            restored.expected().nodes(),
                            restored.expected().relationships(),
                            restored.expected().auditEvents(),
                            restored.idsKey());
            if (!restored.matches()) {
                err().println("The restored store does not hold what the backup recorded: " + restored.found()
                        + " where the backup says " + restored.expected());
                return 1;
            }
            try (var ctx = Contexts.context("caselink.embedded.data-dir=" + dataDir)) {
                var audit = ctx.getBean(org.caselink.audit.AuditLog.class);
                var chain = audit.verify();
                if (!chain.intact()) {
                    err().println("The audit chain is broken at seq " + chain.brokenAt() + ": " + chain.reason());
                    return 1;
                }
                audit.append(
                        "backup",
                        "RESTORE",
                        CLI_USER,
                        null,
                        "SUCCESS",
                        java.util.Map.of("file", file.getFileName().toString()));
                out().printf(
                                "Audit chain intact: %,d events checked. Start the service on it with"
                                        + " CASELINK_DATA_DIR=%s ./caselink%n",
                                chain.checked(), dataDir);
                return 0;
            }
        }
    }
}
