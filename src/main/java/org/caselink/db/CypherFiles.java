package org.caselink.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/**
 * Named Cypher queries from the repository's {@code cypher/queries/} folder (on the classpath as
 * {@code cypher/queries/}). Callers keep the text in a constant: each file is read once.
 */
public final class CypherFiles {

    private CypherFiles() {}

    /** The text of {@code cypher/queries/<name>.cypher}; fails loudly when the file is missing. */
    public static String query(String name) {
        return read("cypher/queries/" + name + ".cypher");
    }

    /** A template's placeholder: {@code __NAME__}, upper case. */
    public static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("__[A-Z][A-Z_]*__");

    /**
     * A template with each named placeholder replaced ({@code fill(t, "__TYPES__", "A|B",
     * "__MAX__", "6")}). A name the template does not hold, or a placeholder left unfilled, is a
     * programming error and fails here, before the statement reaches the database. The values are
     * the callers' own (labels, relationship types from enums, numbers), never user input.
     */
    public static String fill(String template, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fill takes names and values in pairs");
        }
        String out = template;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = namesAndValues[i];
            if (!PLACEHOLDER.matcher(name).matches() || !out.contains(name)) {
                throw new IllegalArgumentException("the template has no placeholder " + name);
            }
            out = out.replace(name, namesAndValues[i + 1]);
        }
        var left = PLACEHOLDER.matcher(out);
        if (left.find()) {
            throw new IllegalArgumentException("placeholder " + left.group() + " left unfilled");
        }
        return out;
    }

    static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cypher file " + path + " is missing from the classpath", e);
        }
    }
}
