package org.caselink.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.caselink.write.Records.Origin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Something to import: JSON Lines (one record per line), or ads as CSV with a header (one column
 * per ad field, lists separated by {@code ;}, handles as {@code platform:handle}).
 */
public interface ImportSource {

    /** The name records are reported under (a file name). */
    String name();

    /** Size in bytes, for progress; -1 when unknown. */
    long size();

    /** Reads every raw record in order, telling {@code bytesRead} how far it got. */
    void read(Consumer<Raw> sink);

    /**
     * One raw record: a JSON line to parse, or an already-built JSON object (from CSV or GraphQL),
     * or why it was refused before parsing ({@code refused}: a line too long to read).
     */
    record Raw(
            Origin origin,
            @org.jspecify.annotations.Nullable String line,
            @org.jspecify.annotations.Nullable JsonNode node,
            long bytesRead,
            @org.jspecify.annotations.Nullable String refused) {}

    static ImportSource of(Path file) {
        String name = file.getFileName().toString();
        boolean csv = name.toLowerCase(Locale.ROOT).endsWith(".csv");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return of(name, size, csv, () -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        });
    }

    interface Opener {
        InputStream open();
    }

    static ImportSource of(String name, long size, boolean csv, Opener opener) {
        return new ImportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public void read(Consumer<Raw> sink) {
                try (InputStream in = opener.open()) {
                    if (csv) {
                        readCsv(name, in, sink);
                    } else {
                        readLines(name, in, sink);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + name + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /**
     * The longest record line read (1 MiB; a generated record is under 2 KB): a longer one is a
     * rejected record, skipped as it streams by, never held whole, so one line of any length
     * (binary garbage without a newline, say) costs no more memory than this.
     */
    int MAX_LINE_BYTES = 1 << 20;

    private static void readLines(String name, InputStream in, Consumer<Raw> sink) throws IOException {
        new LineReader(name, sink).read(in);
    }

    /** JSON Lines in bytes: each line decoded as UTF-8 when it ends, up to {@link #MAX_LINE_BYTES}. */
    final class LineReader {
        private final String name;
        private final Consumer<Raw> sink;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream(4096);
        private long length;
        private long number;
        private long bytes;

        private LineReader(String name, Consumer<Raw> sink) {
            this.name = name;
            this.sink = sink;
        }

        void read(InputStream in) throws IOException {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        append(buffer, from, i);
                        end();
                        from = i + 1;
                    }
                }
                append(buffer, from, n);
            }
            if (length > 0) {
                end();
            }
        }

        private void append(byte[] buffer, int from, int to) {
            if (length + (to - from) <= MAX_LINE_BYTES) {
                line.write(buffer, from, to - from);
            }
            length += to - from;
        }

        private void end() {
            number++;
            bytes += length + 1;
            Origin origin = new Origin(name, number);
            if (length > MAX_LINE_BYTES) {
                sink.accept(new Raw(
                        origin,
                        null,
                        null,
                        bytes,
                        String.format(
                                Locale.ROOT,
                                "is %,d bytes long; a record may have at most %,d (nothing of it was read)",
                                length,
                                MAX_LINE_BYTES)));
            } else {
                String text = line.toString(StandardCharsets.UTF_8);
                if (!text.isBlank()) {
                    sink.accept(new Raw(origin, text, null, bytes, null));
                }
            }
            line.reset();
            length = 0;
        }
    }

    List<String> CSV_LISTS = List.of("phones", "emails", "imageHashes");

    private static void readCsv(String name, InputStream in, Consumer<Raw> sink) {
        CsvMapper csv = new CsvMapper();
        JsonMapper json = JsonMapper.builder().build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows =
                csv.readerFor(Map.class).with(schema).readValues(in)) {
            // Rows are reported by number, the header being row 1: the line in a file without multi-line fields.
            long row = 1;
            while (hasNext(rows)) {
                Map<String, String> values = rows.next();
                row++;
                ObjectNode node = json.createObjectNode();
                node.put("kind", "ad");
                values.forEach((field, value) -> {
                    if (value == null || value.isBlank()) {
                        return;
                    }
                    if (CSV_LISTS.contains(field)) {
                        var list = node.putArray(field);
                        split(value).forEach(list::add);
                    } else if (field.equals("handles")) {
                        var list = node.putArray(field);
                        for (String h : split(value)) {
                            int colon = h.indexOf(':');
                            var o = list.addObject();
                            o.put("platform", colon < 0 ? "" : h.substring(0, colon));
                            o.put("handle", colon < 0 ? h : h.substring(colon + 1));
                        }
                    } else {
                        node.put(field, value);
                    }
                });
                sink.accept(new Raw(
                        new Origin(name, row),
                        null,
                        node,
                        rows.currentLocation() == null
                                ? -1
                                : rows.currentLocation().getByteOffset(),
                        null));
            }
        }
    }

    private static boolean hasNext(Iterator<?> it) {
        try {
            return it.hasNext();
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
