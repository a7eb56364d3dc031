package org.caselink.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.caselink.audit.AuditLog;
import org.caselink.db.Checkpoints;
import org.caselink.db.EmbeddedNeo4jProperties;
import org.caselink.db.Graph;
import org.caselink.db.WriteGate;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consistent backup of the embedded database while the service runs. Neo4j Community has no
 * online backup, so: writes are paused ({@link WriteGate}: those in flight finish, new ones wait),
 * both databases (neo4j and system, which holds the Bolt user) are checkpointed, their store and
 * transaction-log files are copied to a staging folder with the Bolt secret, and writes resume;
 * only then is the copy zipped with a {@code manifest.json} (counts, the audit chain's head,
 * where the ids key lives, and a SHA-256 of every file) that {@link Restore} checks.
 */
@Component
public class Backup {

    private static final Logger log = LoggerFactory.getLogger(Backup.class);
    static final String MANIFEST = "manifest.json";
    static final String FORMAT = "caselink-backup/1";
    static final String BOLT_SECRET = "caselink-bolt.secret";
    static final String COUNTS = org.caselink.db.CypherFiles.query("backup/counts");
    private static final String IDS_KEY = org.caselink.db.CypherFiles.query("backup/ids-key");
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final ObjectProvider<DatabaseManagementService> dbms;
    private final ObjectProvider<EmbeddedNeo4jProperties> embedded;
    private final Graph graph;
    private final WriteGate gate;
    private final AuditLog audit;
    private final Path defaultDir;
    private final Duration maxPause;

    Backup(
            ObjectProvider<DatabaseManagementService> dbms,
            ObjectProvider<EmbeddedNeo4jProperties> embedded,
            Graph graph,
            WriteGate gate,
            AuditLog audit,
            BackupProperties settings) {
        Path defaultDir = settings.dir();
        Duration maxPause = settings.maxPause();
        this.dbms = dbms;
        this.embedded = embedded;
        this.graph = graph;
        this.gate = gate;
        this.audit = audit;
        this.defaultDir = defaultDir;
        this.maxPause = maxPause;
    }

    /** What a backup wrote and how long writes waited for it. */
    public record Result(Path file, long bytes, long pauseMillis, long totalMillis, Counts counts) {}

    /** What the database held when it was copied: a restore must find the same. */
    public record Counts(long nodes, long relationships, long auditEvents, long auditHeadSeq, String auditHeadHash) {}

    /** Backs up into {@code caselink.backup.dir}. */
    public Result run() throws IOException, InterruptedException {
        return run(defaultDir);
    }

    /** Backs up into a new zip file in {@code dir} (made if missing). */
    public synchronized Result run(Path dir) throws IOException, InterruptedException {
        DatabaseManagementService db = dbms.getIfAvailable();
        EmbeddedNeo4jProperties props = embedded.getIfAvailable();
        if (db == null || props == null) {
            throw new IllegalStateException("backup is for the embedded database; with NEO4J_URI, back up that server"
                    + " with its own tools (neo4j-admin database dump, or online backup in Enterprise)");
        }
        long start = System.nanoTime();
        Path home = props.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Instant at = Instant.now();
        Path staging = Files.createTempDirectory(dir, ".staging-");
        try {
            Counts counts;
            long pauseMillis;
            try (WriteGate.Paused paused = gate.pause(maxPause)) {
                long pausedAt = System.nanoTime();
                // Every audit event recorded so far goes into the graph (this thread passes the
                // gate it holds), so the copy holds the trail up to the pause.
                audit.shipJournal();
                Map<String, Checkpoints.LogEnd> logEnds = new java.util.HashMap<>();
                for (String name : List.of("system", "neo4j")) {
                    Checkpoints.force(db, name, "caselink backup");
                    logEnds.put(name, Checkpoints.logEnd(db, name));
                }
                long checkpointed = System.nanoTime();
                counts = counts();
                copy(home, staging, logEnds, pausedAt + maxPause.toNanos());
                log.info(
                        "Backup: checkpoint {} ms, copy {} ms",
                        (checkpointed - pausedAt) / 1_000_000,
                        (System.nanoTime() - checkpointed) / 1_000_000);
                pauseMillis = (System.nanoTime() - pausedAt) / 1_000_000;
            }
            Path file = dir.resolve("caselink-backup-" + NAME.format(at) + ".zip");
            zip(staging, file, manifest(at, pauseMillis, counts));
            long total = (System.nanoTime() - start) / 1_000_000;
            Result result = new Result(file, Files.size(file), pauseMillis, total, counts);
            log.info(
                    "Backup {}: {} nodes, {} relationships, {} audit events; writes paused {} ms, {} ms in all",
                    file,
                    counts.nodes(),
                    counts.relationships(),
                    counts.auditEvents(),
                    pauseMillis,
                    total);
            return result;
        } finally {
            FileSystemUtils.deleteRecursively(staging);
        }
    }

    private Counts counts() {
        return graph.read(
                        COUNTS,
                        Map.of(),
                        r -> new Counts(
                                r.get("nodes").asLong(),
                                r.get("relationships").asLong(),
                                r.get("events").asLong(),
                                r.get("seq").asLong(),
                                r.get("hash").asString()))
                .getFirst();
    }

    /** The store and transaction logs of both databases (no lock files, no Neo4j logs), and the Bolt secret. */
    private static void copy(Path home, Path staging, Map<String, Checkpoints.LogEnd> logEnds, long deadline)
            throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(home.resolve("data"))) {
            all.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith("lock"))
                    .forEach(files::add);
        }
        Path secret = home.resolve(BOLT_SECRET);
        if (Files.exists(secret)) {
            files.add(secret);
        }
        for (Path f : files) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the copy took longer than caselink.backup.max-pause; writes resumed and no backup was made");
            }
            Path to = staging.resolve(home.relativize(f).toString());
            Files.createDirectories(to.getParent());
            Checkpoints.LogEnd end = logEnds.get(f.getParent().getFileName().toString());
            if (f.startsWith(home.resolve("data").resolve("transactions"))
                    && end != null
                    && f.getFileName().toString().equals("neostore.transaction.db." + end.version())) {
                // The log being written: preallocated (256 MB of zeros, filled as transactions
                // come), so only its content is copied; the zeros made writes pause 2.3 s for a
                // demo database where the rest took 0.1 s.
                copyStart(f, to, end.offset());
            } else {
                Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** The first {@code bytes} bytes of {@code from}. */
    private static void copyStart(Path from, Path to, long bytes) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long end = Math.min(bytes, in.size());
            for (long done = 0; done < end; ) {
                done += in.transferTo(done, end - done, out);
            }
        }
    }

    private Map<String, Object> manifest(Instant at, long pauseMillis, Counts counts) {
        var key = graph.read(IDS_KEY, Map.of(), r -> r);
        String fingerprint = key.getFirst().get("fingerprint").isNull()
                ? ""
                : key.getFirst().get("fingerprint").asString();
        boolean kept = key.getFirst().get("kept").asBoolean(false);
        return new java.util.LinkedHashMap<>(Map.of(
                "format",
                FORMAT,
                "createdAt",
                at.toString(),
                "pauseMillis",
                pauseMillis,
                "counts",
                counts,
                "idsKey",
                Map.of(
                        "fingerprint",
                        fingerprint,
                        "where",
                        kept
                                ? "in the graph (this backup carries it)"
                                : "configured (caselink.ids.key): keep it with this backup; a restore needs it")));
    }

    /** Zips {@code staging} into {@code file} (written aside, then moved), with the manifest and each file's SHA-256. */
    private static void zip(Path staging, Path file, Map<String, Object> manifest) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        List<Map<String, Object>> entries = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(partial);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> all = Files.walk(staging)) {
            for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
                String name = staging.relativize(f).toString().replace('\\', '/');
                zip.putNextEntry(new ZipEntry(name));
                MessageDigest sha = sha256();
                try (InputStream in = Files.newInputStream(f)) {
                    // Not closed: the zip stays open for the next entry.
                    in.transferTo(new DigestOutputStream(zip, sha));
                }
                zip.closeEntry();
                entries.add(Map.of(
                        "path",
                        name,
                        "bytes",
                        Files.size(f),
                        "sha256",
                        HexFormat.of().formatHex(sha.digest())));
            }
            manifest.put("files", entries);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(JsonMapper.builder()
                    .build()
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(manifest));
            zip.closeEntry();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
