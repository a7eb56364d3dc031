package org.caselink.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail's canonical JSON is RFC 8785's: checked against an independent implementation
 * (erdtman's JCS, which a third party recomputing the chain could use) on random values, the
 * RFC's own number examples, and the cases the RFC leaves to the writer.
 */
class CanonicalJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CHARS = "aZ09 \"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080é€\u2028\uFEFF😀𝄞";

    @Test
    void randomValuesAreWrittenAsAnIndependentRfc8785ImplementationCanonicalizesThem() throws Exception {
        Random random = new Random(8785);
        for (int i = 0; i < 2_000; i++) {
            // A JSON text JCS libraries take is an object or an array.
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("v", value(random, 0));
            String ours = CanonicalJson.write(value);
            String theirs = new JsonCanonicalizer(JSON.writeValueAsString(value)).getEncodedString();
            assertThat(ours).as("value %s", value).isEqualTo(theirs);
        }
    }

    @Test
    void numbersAreWrittenAsEcmaScriptWritesADouble() {
        // RFC 8785 appendix B and section 3.2.2.3.
        Map<Double, String> expected = new LinkedHashMap<>();
        expected.put(0.0, "0");
        expected.put(-0.0, "0");
        expected.put(1e30, "1e+30");
        expected.put(1e21, "1e+21");
        expected.put(1e20, "100000000000000000000");
        expected.put(4.50, "4.5");
        expected.put(2e-3, "0.002");
        expected.put(1e-6, "0.000001");
        expected.put(1e-7, "1e-7");
        expected.put(0.000000000000000000000000001, "1e-27");
        expected.put(333333333.33333329, "333333333.3333333");
        expected.put(9007199254740992.0, "9007199254740992");
        expected.put(-1.5e-300, "-1.5e-300");
        expected.put(Double.MIN_VALUE, "5e-324");
        expected.put(Double.MAX_VALUE, "1.7976931348623157e+308");
        expected.forEach((d, text) ->
                assertThat(CanonicalJson.number(d, "n")).as("%s", d).isEqualTo(text));
    }

    @Test
    void whatRfc8785LeavesToTheWriterIsDecidedOneWay() {
        assertThat(CanonicalJson.write(Map.of("s", "a\uD800b"))).isEqualTo("{\"s\":\"a\uFFFDb\"}");
        assertThat(CanonicalJson.write(Map.of("n", (1L << 53) - 1))).isEqualTo("{\"n\":9007199254740991}");
        assertThat(CanonicalJson.write(Map.of("n", java.math.BigInteger.TEN.pow(20))))
                .isEqualTo("{\"n\":100000000000000000000}");
        for (long beyond : List.of((1L << 53) + 1, 1L << 60)) {
            assertThatThrownBy(() -> CanonicalJson.write(Map.of("n", beyond)))
                    .as("%s", beyond)
                    .hasMessageContaining("details.n")
                    .hasMessageContaining("as a string");
        }
        // Whatever is stored reads back as the same text: the journal is read at every start.
        assertThat(CanonicalJson.write(Map.of("d", 1e20))).isEqualTo("{\"d\":100000000000000000000}");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("deep", nested(2_000))))
                .hasMessageContaining("nest deeper than 64");
        assertThat(CanonicalJson.write(Map.of("deep", nested(60)))).contains("[[[\"x\"]]]");
        assertThat(CanonicalJson.wellFormed("a\uD800b\uD83D\uDE00")).isEqualTo("a\uFFFDb\uD83D\uDE00");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("d", Double.NaN))).hasMessageContaining("no JSON form");
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", new Object())))
                .hasMessageContaining("must be a string, number, boolean");
    }

    @Test
    void aThirdPartyRecomputesAnEventsHashFromItsJournalLineWithAStandardJcsLibrary() throws Exception {
        var fields = new EventText.Fields(
                7,
                Instant.parse("2026-12-07T05:35:40.123456Z"),
                "graphql",
                "QUERY",
                "casemanager",
                "AGENCY-A",
                "SUCCESS",
                CanonicalJson.write(Map.of("operation", "Case", "returnedIds", List.of("c-1", "ch-2"), "n", 2.5)),
                "0".repeat(64));
        String hash = fields.hash();
        String line = fields.line(hash);

        @SuppressWarnings("unchecked")
        Map<String, Object> event = JSON.readValue(line, Map.class);
        assertThat(event).containsEntry("hash", hash).containsEntry("format", EventText.FORMAT);
        event.remove("hash");
        String canonical = new JsonCanonicalizer(JSON.writeValueAsString(event)).getEncodedString();
        assertThat(EventText.sha256(canonical)).isEqualTo(hash);
        assertThat(new JsonCanonicalizer(line).getEncodedString()).isEqualTo(line);

        // The line reads back as the event; an altered one is refused.
        assertThat(EventText.parseLine(line)).isEqualTo(fields.event(hash));
        assertThatThrownBy(() -> EventText.parseLine(line.replace("SUCCESS", "FAILURE")))
                .hasMessageContaining("altered");
        assertThatThrownBy(() -> EventText.parseLine(line.replace(",\"format\"", " ,\"format\"")))
                .hasMessageContaining("canonical form");
    }

    private static Object nested(int depth) {
        Object v = "x";
        for (int i = 0; i < depth; i++) {
            v = List.of(v);
        }
        return v;
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 5 : 7);
        return switch (kind) {
            case 0 -> text(random);
            case 1 -> random.nextInt();
            case 2 -> random.nextLong() >> 11; // within 2^53
            case 3 -> finite(random);
            case 4 -> random.nextBoolean() ? Boolean.TRUE : null;
            case 5 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    map.put(text(random), value(random, depth + 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int n = random.nextInt(5); n > 0; n--) {
                    list.add(value(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static double finite(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(60) - 30);
            case 1 -> (double) (random.nextInt(2_000_000) - 1_000_000);
            case 2 -> random.nextInt(1000) / 100.0;
            default -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(d));
                yield d;
            }
        };
    }

    private static String text(Random random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(8); n > 0; n--) {
            int at = random.nextInt(CHARS.length());
            char c = CHARS.charAt(at);
            if (Character.isHighSurrogate(c)) {
                s.append(c).append(CHARS.charAt(at + 1));
            } else if (!Character.isLowSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }
}
