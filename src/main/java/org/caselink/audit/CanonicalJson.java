package org.caselink.audit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way an audit event is turned into text before it is hashed: the JSON Canonicalization
 * Scheme of RFC 8785 (JCS), so that anyone can recompute an event's hash with a standard JCS
 * library (or Python's {@code json.dumps(e, sort_keys=True, separators=(",", ":"),
 * ensure_ascii=False)} for events without fractional numbers, which caselink's are). Object keys
 * sorted by UTF-16 code units, no white space, strings with only the escapes RFC 8785 prescribes
 * and every other character as itself in UTF-8, numbers as ECMAScript prints a double. Written
 * here and not taken from a library so the hot path writes a value once, with no intermediate
 * tree; the tests check it against an independent RFC 8785 implementation.
 *
 * <p>Two things JCS leaves to the writer are decided here: an integer beyond ±2<sup>53</sup>
 * (which a JSON double cannot hold exactly) is refused, and a lone UTF-16 surrogate (which no
 * UTF-8 text can hold) is written as U+FFFD, so the text hashed is always the text stored.
 */
final class CanonicalJson {

    private static final JsonMapper READER = JsonMapper.builder().build();
    private static final BigInteger MAX_EXACT = BigInteger.ONE.shiftLeft(53).subtract(BigInteger.ONE);

    private CanonicalJson() {}

    /**
     * The canonical text of {@code value}; refuses what the audit trail does not store, and what
     * would not read back as the same text (a double past 2^53 written as a long integer, nesting or
     * keys beyond what the reader takes): the journal is read back at every start, and a line that
     * did not round-trip would stop it.
     */
    static String write(Object value) {
        String text = text(value);
        String again;
        try {
            again = text(READER.readValue(text, Object.class));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("details: not stored, it would not read back: " + e.getMessage(), e);
        }
        if (!again.equals(text)) {
            throw new IllegalArgumentException("details: not stored, a number would not read back as written");
        }
        return text;
    }

    private static String text(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, "details", 0);
        return out.toString();
    }

    /** {@code s} with every lone UTF-16 surrogate replaced by U+FFFD, as {@link #string} writes it. */
    static String wellFormed(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair =
                    Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length()).append(s, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Reads back an object written by {@link #write}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(String json) {
        return READER.readValue(json, Map.class);
    }

    /** Details nest this deep at most: the reader takes more, and no caller needs half of it. */
    static final int MAX_DEPTH = 64;

    private static void write(Object value, StringBuilder out, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException(path + ": details nest deeper than " + MAX_DEPTH);
        }
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s, out);
            case Boolean b -> out.append(b);
            case Integer _, Short _, Byte _ -> out.append(value);
            case Long l -> out.append(integer(BigInteger.valueOf(l), path));
            case BigInteger b -> out.append(integer(b, path));
            case Double d -> out.append(number(d, path));
            case Float f -> out.append(number(Double.parseDouble(f.toString()), path));
            case BigDecimal d -> out.append(number(d.doubleValue(), path));
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
                    write(e.getValue(), out, path + "." + e.getKey(), depth + 1);
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
                    write(item, out, path + "[" + i + "]", depth + 1);
                    i++;
                }
                out.append(']');
            }
            default ->
                throw new IllegalArgumentException(path + ": an audit detail must be a string, number, boolean,"
                        + " list or map, not " + value.getClass().getName());
        }
    }

    /**
     * An integer as the JSON number (a double, RFC 8785) that holds it: written as is up to 2^53;
     * beyond, only when the double's canonical text says the same integer (10^20 does), and
     * refused otherwise (2^60 would read back as 1152921504606847000).
     */
    private static String integer(BigInteger b, String path) {
        if (b.abs().compareTo(MAX_EXACT) <= 0) {
            return b.toString();
        }
        double d = b.doubleValue();
        if (Double.isFinite(d)) {
            String text = number(d, path);
            if (new BigDecimal(text).compareTo(new BigDecimal(b)) == 0) {
                return text;
            }
        }
        throw new IllegalArgumentException(path + ": " + b + " is beyond the integers a JSON number holds exactly"
                + " (RFC 8785: a double); record it as a string");
    }

    /**
     * A double as ECMAScript's Number.prototype.toString writes it (RFC 8785 section 3.2.2.3):
     * the shortest digits that read back as the same double (Java's {@code Double.toString} finds
     * them), placed in plain or exponent notation by ECMAScript's rules.
     */
    static String number(double d, String path) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(path + ": " + d + " has no JSON form");
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        if (exact.precision() == 2) {
            // Java writes at least two significant digits in exponent notation (4.9E-324), where
            // one may be enough to read back the same double (5e-324, as ECMAScript writes it).
            BigDecimal one = exact.round(new java.math.MathContext(1, java.math.RoundingMode.HALF_EVEN));
            if (one.doubleValue() == Math.abs(d)) {
                exact = one.stripTrailingZeros();
            }
        }
        String digits = exact.unscaledValue().toString();
        int k = digits.length();
        int n = k - exact.scale();
        StringBuilder s = new StringBuilder(d < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            s.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            s.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            s.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            s.append(digits.charAt(0));
            if (k > 1) {
                s.append('.').append(digits, 1, k);
            }
            s.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
        }
        return s.toString();
    }

    static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The text the first format ({@code caselink-audit/1}) hashed: a JSON array of strings,
     * integers and nulls with every character outside printable ASCII escaped. Kept only so that
     * events written before RFC 8785 still verify.
     */
    static String legacyArray(List<?> fields) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = fields.get(i);
            if (v instanceof String s) {
                out.append('"');
                for (int j = 0; j < s.length(); j++) {
                    char c = s.charAt(j);
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
                out.append('"');
            } else {
                out.append(v);
            }
        }
        return out.append(']').toString();
    }
}
