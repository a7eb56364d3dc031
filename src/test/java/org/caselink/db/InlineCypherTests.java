package org.caselink.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Cypher statement of the service lives in a {@code .cypher} file under {@code cypher/}: no
 * string literal or text block in the main sources starts with a Cypher clause. The exception is
 * a statement that code builds from a query shape at run time; the line before it says so with a
 * {@code // Generated from <shape>} comment, and a test covers each shape it can produce. The
 * failure message lists those exceptions, so that a reviewer sees them too.
 *
 * <p>The scan is line by line and deliberately simple: a regular expression finds the literals on
 * a line, and a text block is judged by its first line of content.
 */
class InlineCypherTests {

    private static final Path MAIN = Path.of("src/main/java");

    private static final String CLAUSE = "(?:OPTIONAL\\s+MATCH|MATCH|MERGE|CREATE|UNWIND|RETURN|CALL|WITH|SHOW"
            + "|DROP|DETACH|DELETE|FOREACH|LOAD\\s+CSV|UNION|USE|EXPLAIN|PROFILE|SET|REMOVE)";

    /** A string literal (not an escaped quote inside one) whose text starts with a clause. */
    private static final Pattern LITERAL = Pattern.compile("(?<![\\\\\"])\"" + CLAUSE + "(?=[\\s(\"{])");

    /** A text block's first line of content, its incidental indentation already stripped. */
    private static final Pattern FIRST_LINE = Pattern.compile("^" + CLAUSE + "(?=[\\s(]|$)");

    private static final String MARKER = "// Generated from";

    /** One place in the sources: where, and the line itself. */
    record Place(String where, String line) {
        @Override
        public String toString() {
            return where + ": " + line.strip();
        }
    }

    /** What the scan of some lines found: statements in the source, and the marked generated ones. */
    record Scan(List<Place> inline, List<Place> generated) {}

    @Test
    void noMainSourceHoldsAnInlineCypherStatement() throws IOException {
        List<Place> inline = new ArrayList<>();
        List<Place> generated = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(sources).hasSizeGreaterThan(50);
        for (Path source : sources) {
            String name = MAIN.relativize(source).toString().replace('\\', '/');
            Scan scan = scan(name, Files.readAllLines(source));
            inline.addAll(scan.inline());
            generated.addAll(scan.generated());
        }
        assertThat(inline)
                .withFailMessage(
                        "Cypher statements in Java sources (move each to cypher/queries/<area>/<name>.cypher and load it"
                                + " with CypherFiles.query; only a statement built from a query shape at run time may"
                                + " stay, marked '%s <shape>' on the line before and covered by a test per shape):%n"
                                + "  %s%nThe generated places allowed now:%n  %s",
                        MARKER, lines(inline), lines(generated))
                .isEmpty();
    }

    private static String lines(List<Place> places) {
        return String.join("\n  ", places.stream().map(Place::toString).toList());
    }

    /** Scans one source: each literal or text block that starts with a clause, marked or not. */
    static Scan scan(String name, List<String> lines) {
        List<Place> inline = new ArrayList<>();
        List<Place> generated = new ArrayList<>();
        int textBlockStart = -1; // the line of the opening """ while inside a text block
        boolean firstLineOfBlock = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (textBlockStart >= 0) {
                if (firstLineOfBlock && !trimmed.isEmpty()) {
                    firstLineOfBlock = false;
                    if (FIRST_LINE.matcher(trimmed).find()) {
                        place(name, lines, textBlockStart, inline, generated);
                    }
                }
                if (trimmed.contains("\"\"\"")) {
                    textBlockStart = -1;
                }
                continue;
            }
            if (trimmed.startsWith("//") || trimmed.startsWith("*") || trimmed.startsWith("/*")) {
                continue;
            }
            if (LITERAL.matcher(line).find()) {
                place(name, lines, i, inline, generated);
            }
            // An opening """ ends its line (the language requires it); a closing one does not.
            if (trimmed.endsWith("\"\"\"")) {
                textBlockStart = i;
                firstLineOfBlock = true;
            }
        }
        return new Scan(inline, generated);
    }

    private static void place(String name, List<String> lines, int at, List<Place> inline, List<Place> generated) {
        Place place = new Place(name + ":" + (at + 1), lines.get(at));
        boolean marked = at > 0 && lines.get(at - 1).strip().startsWith(MARKER);
        (marked ? generated : inline).add(place);
    }

    // The scan's own logic, on made-up sources.

    @Test
    void scanFindsLiteralsAndTextBlocksThatStartWithAClause() {
        Scan scan = scan(
                "Sample.java",
                List.of(
                        "class Sample {",
                        "    String a = \"MATCH (n) RETURN n\";",
                        "    void b() { tx.run(\"CREATE (:Case {caseNumber: $n})\", Map.of()); }",
                        "    String c = \"\"\"",
                        "            OPTIONAL MATCH (k:Key)",
                        "            RETURN k",
                        "            \"\"\";",
                        "    String d = x + \"UNWIND $rows AS row \" + y;",
                        "}"));
        assertThat(scan.inline())
                .extracting(Place::where)
                .containsExactly("Sample.java:2", "Sample.java:3", "Sample.java:4", "Sample.java:8");
        assertThat(scan.generated()).isEmpty();
    }

    @Test
    void scanAllowsMarkedPlacesAndPassesOverProse() {
        Scan scan = scan(
                "Sample.java",
                List.of(
                        "class Sample {",
                        "    // Generated from a relationship: not a .cypher file",
                        "    String a = \"MATCH \" + pattern + \" RETURN t\";",
                        "    // CREATE, not a check then MERGE: \"MATCH (n)\" in a comment",
                        "    String message = \"Create a case first\";",
                        "    String fragment = \" WITH key, t\";",
                        "    String words = \"\"\"",
                        "            Matches the MATCH clause",
                        "            \"\"\";",
                        "    String quoted = \"the \\\"MATCH\\\" clause\";",
                        "    String key = \"RETURNED\";",
                        "}"));
        assertThat(scan.inline()).isEmpty();
        assertThat(scan.generated()).extracting(Place::where).containsExactly("Sample.java:3");
    }
}
