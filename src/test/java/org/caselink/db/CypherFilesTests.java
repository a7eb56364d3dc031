package org.caselink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.caselink.DatabaseProperties;
import org.caselink.IntegrationTest;
import org.caselink.model.EntityType;
import org.caselink.security.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every named statement in {@code cypher/queries/} is planned by the database against the migrated
 * schema ({@code EXPLAIN}: parsed, type-checked, its functions and procedures found, nothing run),
 * with its placeholders filled as the code fills them; and a template is filled only whole.
 */
@IntegrationTest
class CypherFilesTests extends DatabaseProperties {

    private static final Path QUERIES = Path.of("cypher/queries");

    /** What the code puts in each placeholder (the values come from enums and constants, never input). */
    private static final Map<String, String> FILLS = Map.ofEntries(
            Map.entry("__TYPES__", ":SUBJECT_OF|SUSPECT_IN|USES|LISTS"),
            Map.entry("__MATCH__", EntityType.CASE.match("n", "$key")),
            Map.entry("__TYPE__", EntityType.CASE.name()),
            Map.entry("__MAX__", "6"),
            Map.entry("__LABEL__", "Person"),
            Map.entry("__EXTERNAL_ID__", "personId"),
            Map.entry("__ROLE__", "SUSPECT_IN"),
            Map.entry("__OWNER__", EntityType.PERSON.label()),
            Map.entry("__OWNER_KEY__", EntityType.PERSON.keyProperty()),
            Map.entry("__CONTACT__", EntityType.PHONE.label()),
            Map.entry("__CONTACT_KEY__", EntityType.PHONE.keyProperty()),
            Map.entry("__REL__", "USES"),
            Map.entry("__USE__", "RETURN elementId(a) AS a, elementId(b) AS b"),
            Map.entry("__FROM__", "MATCH (al:Alert)-[:RAISED_BY]->(w:Watch)"),
            Map.entry("__HIDDEN_I__", Scope.hides("i")),
            Map.entry("__HIDDEN_NODE__", Scope.hides("node")),
            Map.entry("__PATTERN__", "(x:`Person`)"),
            Map.entry("__PROPERTY__", "aliases"));

    /** Templates that match on a variable rather than a parameter (inside an UNWIND). */
    private static final Map<String, Map<String, String>> PER_FILE = Map.of(
            "analysis/start", Map.of("__MATCH__", EntityType.CASE.match("n", "key")),
            "analysis/resolve", Map.of("__MATCH__", EntityType.CASE.match("n", "key")),
            "ingest/places",
                    Map.of(
                            "__OWNER__", EntityType.AD.label(),
                            "__OWNER_KEY__", EntityType.AD.keyProperty(),
                            "__REL__", "POSTED_IN"));

    @Autowired
    Graph graph;

    @Test
    void everyNamedStatementIsPlannedByTheDatabase() throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(QUERIES)) {
            files = walk.filter(p -> p.toString().endsWith(".cypher"))
                    .map(p ->
                            QUERIES.relativize(p).toString().replace('\\', '/').replaceAll("\\.cypher$", ""))
                    .sorted()
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(40);
        List<String> failures = new ArrayList<>();
        for (String name : files) {
            String template = CypherFiles.query(name);
            Map<String, String> fills = new LinkedHashMap<>();
            Matcher m = CypherFiles.PLACEHOLDER.matcher(template);
            while (m.find()) {
                String placeholder = m.group();
                String value = PER_FILE.getOrDefault(name, Map.of()).getOrDefault(placeholder, FILLS.get(placeholder));
                assertThat(value).as("%s: a value for %s", name, placeholder).isNotNull();
                fills.put(placeholder, value);
            }
            String[] pairs = fills.entrySet().stream()
                    .flatMap(e -> Stream.of(e.getKey(), e.getValue()))
                    .toArray(String[]::new);
            String statement = CypherFiles.fill(template, pairs);
            try {
                graph.write("EXPLAIN " + statement, Map.of(), r -> r);
            } catch (RuntimeException e) {
                failures.add(name + ": " + e.getMessage());
            }
        }
        assertThat(failures).as("statements the database would not plan").isEmpty();
    }

    @Test
    void aTemplateIsFilledWholeOrNotAtAll() {
        assertThat(CypherFiles.fill("MATCH (n__X__) RETURN __Y__", "__X__", ":Case", "__Y__", "n"))
                .isEqualTo("MATCH (n:Case) RETURN n");
        assertThatThrownBy(() -> CypherFiles.fill("MATCH (n__X__) RETURN __Y__", "__X__", ":Case"))
                .hasMessageContaining("__Y__ left unfilled");
        assertThatThrownBy(() -> CypherFiles.fill("MATCH (n) RETURN n", "__X__", ":Case"))
                .hasMessageContaining("no placeholder __X__");
        assertThatThrownBy(() -> CypherFiles.fill("RETURN __X__", "__X__")).hasMessageContaining("pairs");
        assertThat(new TreeSet<>(FILLS.keySet())).contains("__TYPES__", "__MATCH__");
    }
}
