package org.caselink.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/migrations/V<version>__<description>.cypher} at start, in version order,
 * each once, and records each in the graph as a {@code __Migration} node with its checksum. A file
 * that was applied and then edited stops the start: applied migrations are history, and a change
 * belongs in a new file. No migration library for Neo4j is served to these machines, so this is
 * small on purpose: statements are separated by a semicolon at the end of a line, and each runs in
 * its own transaction (Neo4j does not mix schema and data changes in one). Schema statements are
 * written with {@code IF NOT EXISTS}, so two replicas starting at once do no harm.
 */
@Component
public class Migrations implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.cypher");
    private static final String LOCATION = "classpath*:cypher/migrations/*.cypher";
    private static final String LEDGER_CONSTRAINT = CypherFiles.query("db/migration-constraint");
    private static final String APPLIED = CypherFiles.query("db/migrations-applied");
    private static final String RECORD_APPLIED = CypherFiles.query("db/record-migration");

    private final Graph graph;
    private final String location;

    @org.springframework.beans.factory.annotation.Autowired
    Migrations(Graph graph) {
        this(graph, LOCATION);
    }

    Migrations(Graph graph, String location) {
        this.graph = graph;
        this.location = location;
    }

    /** One migration file. */
    public record Migration(int version, String description, String script, String checksum) {

        List<String> statements() {
            List<String> out = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : script.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                    continue;
                }
                current.append(line).append('\n');
                if (trimmed.endsWith(";")) {
                    out.add(current.toString().strip().replaceAll(";$", ""));
                    current.setLength(0);
                }
            }
            if (!current.toString().isBlank()) {
                out.add(current.toString().strip());
            }
            return out;
        }
    }

    @Override
    public void afterPropertiesSet() {
        migrate();
    }

    /** Applies what is pending; returns the versions it applied. */
    public List<Integer> migrate() {
        graph.write(LEDGER_CONSTRAINT, Map.of(), r -> r);
        Map<Integer, String> applied = appliedChecksums();
        List<Integer> done = new ArrayList<>();
        for (Migration m : load()) {
            String previous = applied.get(m.version());
            if (previous != null) {
                if (!previous.equals(m.checksum())) {
                    throw new IllegalStateException(String.format(
                            "Migration V%04d__%s was applied with checksum %s, but the file now has checksum %s. "
                                    + "An applied migration must not change: restore the file and put the change in a new V%04d file.",
                            m.version(), m.description(), previous, m.checksum(), nextVersion(applied)));
                }
                continue;
            }
            for (String statement : m.statements()) {
                graph.write(statement, Map.of(), r -> r);
            }
            graph.write(
                    RECORD_APPLIED,
                    Map.of("version", m.version(), "description", m.description(), "checksum", m.checksum()),
                    r -> r);
            log.info("Applied migration {}", String.format("V%04d__%s", m.version(), m.description()));
            done.add(m.version());
        }
        return done;
    }

    private static int nextVersion(Map<Integer, String> applied) {
        return applied.keySet().stream().max(Integer::compare).orElse(0) + 1;
    }

    private Map<Integer, String> appliedChecksums() {
        Map<Integer, String> out = new HashMap<>();
        graph.read(APPLIED, Map.of(), r -> r)
                .forEach(r -> out.put(r.get("v").asInt(), r.get("c").asString()));
        return out;
    }

    /** The migration files on the classpath, in version order. */
    public List<Migration> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(location);
            List<Migration> out = new ArrayList<>();
            for (Resource file : files) {
                Matcher m = NAME.matcher(file.getFilename() == null ? "" : file.getFilename());
                if (!m.matches()) {
                    throw new IllegalStateException(
                            "Migration file " + file.getFilename() + " is not named V<version>__<description>.cypher");
                }
                String script;
                try (var in = file.getInputStream()) {
                    script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                }
                out.add(new Migration(Integer.parseInt(m.group(1)), m.group(2), script, sha256(script)));
            }
            // The same file can be on a class path twice (a directory and a jar of it): keep one copy.
            out = new ArrayList<>(out.stream().distinct().toList());
            out.sort(Comparator.comparingInt(Migration::version));
            for (int i = 1; i < out.size(); i++) {
                if (out.get(i).version() == out.get(i - 1).version()) {
                    throw new IllegalStateException(
                            "Two migration files have version " + out.get(i).version());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
