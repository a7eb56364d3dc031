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

    static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cypher file " + path + " is missing from the classpath", e);
        }
    }
}
