package org.caselink.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.caselink.write.Records.Origin;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvParser;
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

    /**
     * The CSV reader: no field longer than a record line may be ({@link #MAX_LINE_BYTES}), so that
     * an unclosed quote cannot make one field of the rest of the file.
     */
    CsvMapper CSV = new CsvMapper(CsvFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(MAX_LINE_BYTES)
                    .build())
            .build());

    /**
     * Reads ads as CSV, a row at a time. A row the CSV reader refuses (more fields than the header,
     * a stray quote) is a rejected record and reading goes on at the next row; a field longer than
     * {@link #MAX_LINE_BYTES} (most likely an unclosed quote, after which no row can be told apart)
     * ends the file, reported on that row with how much of the file was left unread.
     */
    private static void readCsv(String name, InputStream in, Consumer<Raw> sink) {
        JsonMapper json = JsonMapper.builder().build();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        MappingIterator<Map<String, String>> opened;
        try {
            opened = CSV.readerFor(Map.class).with(schema).readValues(in);
        } catch (JacksonException e) {
            sink.accept(new Raw(
                    new Origin(name, 1),
                    null,
                    null,
                    -1,
                    "is not a header row naming the ad fields, as a CSV of ads begins: " + e.getOriginalMessage()));
            return;
        }
        try (MappingIterator<Map<String, String>> rows = opened) {
            int columns =
                    opened.parser() instanceof CsvParser csv ? csv.getSchema().size() : 0;
            if (columns > MAX_CSV_COLUMNS) {
                // Each field may be 1 MiB: a row of thousands of columns would be gigabytes.
                sink.accept(new Raw(
                        new Origin(name, 1),
                        null,
                        null,
                        offset(rows),
                        String.format(
                                Locale.ROOT,
                                "names %,d columns; a CSV of ads has at most %d: the file was not read",
                                columns,
                                MAX_CSV_COLUMNS)));
                return;
            }
            // Rows are reported by number, the header being row 1: the line in a file without multi-line fields.
            long row = 1;
            long lastRefusedLine = -1;
            while (true) {
                Map<String, String> values;
                String before = position(rows);
                try {
                    if (!rows.hasNextValue()) {
                        return;
                    }
                    values = rows.nextValue();
                } catch (StreamConstraintsException e) {
                    sink.accept(new Raw(
                            new Origin(name, row + 1),
                            null,
                            null,
                            offset(rows),
                            String.format(
                                    Locale.ROOT,
                                    "has a field longer than %,d characters (an unclosed quote?): the file was not"
                                            + " read beyond it",
                                    MAX_LINE_BYTES)));
                    return;
                } catch (JacksonException e) {
                    long line = line(rows);
                    if (line != lastRefusedLine || line < 0) {
                        // A second refusal on the line of the first is the rest of that row: one record.
                        row++;
                        String reason = "is not a CSV row: " + e.getOriginalMessage();
                        if (endedInQuote(e)) {
                            reason += " (the file ended inside it: a quote opened in it was never closed, so the rows"
                                    + " after it could not be told apart)";
                        }
                        sink.accept(new Raw(new Origin(name, row), null, null, offset(rows), reason));
                        lastRefusedLine = line;
                    }
                    if (position(rows).equals(before)) {
                        // The reader cannot get past it: say so rather than report the same place forever.
                        sink.accept(new Raw(
                                new Origin(name, row + 1),
                                null,
                                null,
                                offset(rows),
                                "could not be read after the row before it: the file was not read beyond it"));
                        return;
                    }
                    continue;
                }
                row++;
                sink.accept(new Raw(new Origin(name, row), null, adNode(json, values), offset(rows), null));
            }
        }
    }

    /** The most columns a CSV of ads may name (an ad has about a dozen fields). */
    int MAX_CSV_COLUMNS = 64;

    private static long line(MappingIterator<?> rows) {
        var at = rows.currentLocation();
        return at == null ? -1 : at.getLineNr();
    }

    /** Whether the reader's refusal is the file ending inside a quoted field. */
    private static boolean endedInQuote(JacksonException e) {
        String m = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        return m.contains("eof") || m.contains("end-of-input") || m.contains("closing quote");
    }

    /** Where the reader is, as line and column: it moves with every row read, or refused. */
    private static String position(MappingIterator<?> rows) {
        var at = rows.currentLocation();
        return at == null ? "" : at.getLineNr() + ":" + at.getColumnNr();
    }

    private static long offset(MappingIterator<?> rows) {
        var at = rows.currentLocation();
        return at == null ? -1 : at.getByteOffset();
    }

    /** A CSV row as the JSON record of an ad: lists split at {@code ;}, handles as platform:handle. */
    private static ObjectNode adNode(JsonMapper json, Map<String, String> values) {
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
        return node;
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
