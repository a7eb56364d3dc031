package org.caselink.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Restores a {@link Backup} into a new data folder: every file checked against the manifest's
 * SHA-256 (and kept inside the folder), then the store opened and its counts and audit head
 * compared with what the backup recorded. The caller then starts caselink on the folder and
 * verifies the audit chain ({@code ./caselink restore} does both).
 */
public final class Restore {

    private Restore() {}

    /** What the restored store holds, beside what the backup says it held. */
    public record Restored(Backup.Counts expected, Backup.Counts found, int files, String idsKey) {
        public boolean matches() {
            return expected.equals(found);
        }
    }

    /**
     * @throws IllegalArgumentException when the folder is not empty, the file is not a caselink
     *     backup, or a file in it is missing, extra or altered (nothing is left in the folder then)
     */
    public static Restored into(Path backup, Path dataDir) throws IOException {
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> any = Files.list(dataDir)) {
                if (any.findAny().isPresent()) {
                    throw new IllegalArgumentException(dataDir + " is not empty: restore into a new folder, then point"
                            + " caselink.embedded.data-dir (CASELINK_DATA_DIR) at it");
                }
            }
        }
        Files.createDirectories(dataDir);
        Path root = dataDir.toAbsolutePath().normalize();
        JsonNode manifest;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            ZipEntry m = zip.getEntry(Backup.MANIFEST);
            if (m == null) {
                throw new IllegalArgumentException(backup + " has no " + Backup.MANIFEST + ": not a caselink backup");
            }
            try (InputStream in = zip.getInputStream(m)) {
                manifest = JsonMapper.builder().build().readTree(in);
            }
            if (!Backup.FORMAT.equals(manifest.path("format").asString(""))) {
                throw new IllegalArgumentException(
                        backup + " is in format '" + manifest.path("format").asString("") + "', not " + Backup.FORMAT);
            }
            Map<String, JsonNode> expected = new HashMap<>();
            manifest.path("files").forEach(f -> expected.put(f.path("path").asString(), f));
            List<String> problems = new ArrayList<>();
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                if (e.getName().equals(Backup.MANIFEST) || e.isDirectory()) {
                    continue;
                }
                JsonNode listed = expected.remove(e.getName());
                Path to = root.resolve(e.getName()).normalize();
                if (listed == null || !to.startsWith(root)) {
                    problems.add(e.getName() + ": not in the manifest");
                    continue;
                }
                Files.createDirectories(to.getParent());
                MessageDigest sha = Backup.sha256();
                try (InputStream in = new DigestInputStream(zip.getInputStream(e), sha);
                        OutputStream out = Files.newOutputStream(to)) {
                    in.transferTo(out);
                }
                String digest = HexFormat.of().formatHex(sha.digest());
                if (!digest.equals(listed.path("sha256").asString())) {
                    problems.add(e.getName() + ": SHA-256 " + digest + " where the manifest says "
                            + listed.path("sha256").asString());
                }
            }
            expected.keySet().forEach(name -> problems.add(name + ": in the manifest, missing from the file"));
            if (!problems.isEmpty()) {
                org.springframework.util.FileSystemUtils.deleteRecursively(root);
                throw new IllegalArgumentException(
                        backup + " is damaged; nothing was restored:\n  " + String.join("\n  ", problems));
            }
        }
        Path secret = root.resolve(Backup.BOLT_SECRET);
        if (Files.exists(secret)) {
            try {
                Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: as the service's own first start would leave it
            }
        }
        JsonNode c = manifest.path("counts");
        var expectedCounts = new Backup.Counts(
                c.path("nodes").asLong(),
                c.path("relationships").asLong(),
                c.path("auditEvents").asLong(),
                c.path("auditHeadSeq").asLong(),
                c.path("auditHeadHash").asString(""));
        return new Restored(
                expectedCounts,
                count(root),
                manifest.path("files").size(),
                manifest.path("idsKey").path("where").asString(""));
    }

    /** Opens the restored store (Neo4j recovers it if it must) and counts what it holds. */
    private static Backup.Counts count(Path home) {
        var dbms = new DatabaseManagementServiceBuilder(home).build();
        try {
            return dbms.database("neo4j").executeTransactionally(Backup.COUNTS, Map.of(), result -> {
                var r = result.next();
                return new Backup.Counts(
                        ((Number) r.get("nodes")).longValue(),
                        ((Number) r.get("relationships")).longValue(),
                        ((Number) r.get("events")).longValue(),
                        ((Number) r.get("seq")).longValue(),
                        (String) r.get("hash"));
            });
        } finally {
            dbms.shutdown();
        }
    }
}
