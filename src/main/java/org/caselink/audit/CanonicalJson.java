package org.caselink.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way an audit event is turned into text before it is hashed: JSON with object keys in
 * sorted order, no white space, and every character outside printable ASCII written as a
 * {@code \\uXXXX} escape, so one value has exactly one text and two values never share one.
 * Hand-written on purpose: the hash of every stored event depends on this text, so it must not
 * change when a JSON library's defaults do.
 */
final class CanonicalJson {

    private static final JsonMapper READER = JsonMapper.builder().build();

    private CanonicalJson() {}

    /** The canonical text of {@code value}; refuses what the audit trail does not store. */
    static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "details");
        return out.toString();
    }

    /** Reads back an object written by {@link #write}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String json) {
        return READER.readValue(json, Map.class);
    }

    private static void write(Object value, StringBuilder out, String path) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s, out);
            case Boolean b -> out.append(b);
            case Integer _, Long _, Short _, Byte _, BigInteger _ -> out.append(value);
            case Double d -> out.append(finite(d, path));
            case Float f -> out.append(finite(f.doubleValue(), path));
            case BigDecimal d -> out.append(d.toString());
            case Map<?, ?> map -> {
                TreeMap<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> {
                    if (!(k instanceof String key)) {
                        throw new IllegalArgumentException(path + ": keys must be strings, not " + k);
                    }
                    sorted.put(key, v);
                });
                out.append('{');
                boolean first = true;
                for (var e : sorted.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(e.getKey(), out);
                    out.append(':');
                    write(e.getValue(), out, path + "." + e.getKey());
                }
                out.append('}');
            }
            case Collection<?> list -> {
                out.append('[');
                int i = 0;
                for (Object item : list) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(item, out, path + "[" + i + "]");
                    i++;
                }
                out.append(']');
            }
            default ->
                throw new IllegalArgumentException(path + ": an audit detail must be a string, number, boolean,"
                        + " list or map, not " + value.getClass().getName());
        }
    }

    private static String finite(double d, String path) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(path + ": " + d + " has no JSON form");
        }
        return Double.toString(d);
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        out.append('"');
    }
}
