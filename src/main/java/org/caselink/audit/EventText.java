package org.caselink.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An audit event as canonical JSON (RFC 8785) and its hash. Format {@value #FORMAT}: the hash is the
 * SHA-256, in lower-case hex, of the UTF-8 bytes of the event's canonical JSON object without its
 * {@code hash} member; the journal line and the export are the same object with it. A third party
 * recomputes a chain with any JCS library: drop {@code hash}, canonicalize, hash, compare, and
 * check that each {@code prevHash} is the hash before it. Events stored before this format
 * ({@value #LEGACY}, no {@code format} property) keep verifying by the rule they were written with.
 */
final class EventText {

    static final String FORMAT = "caselink-audit/2";
    static final String LEGACY = "caselink-audit/1";

    private EventText() {}

    /** The fields of an event as stored, before and after hashing. */
    record Fields(
            long seq,
            Instant at,
            String component,
            String type,
            String user,
            @Nullable String agency,
            String outcome,
            String details,
            String prevHash) {

        /** The fields of an event read back (its details written canonical again). */
        static Fields of(AuditEvent e) {
            return new Fields(
                    e.seq(),
                    e.at(),
                    e.component(),
                    e.type(),
                    e.user(),
                    e.agency(),
                    e.outcome(),
                    CanonicalJson.write(e.details()),
                    e.prevHash());
        }

        /** The canonical text the hash covers. */
        String body() {
            return object(null);
        }

        /** The canonical text with the hash: a journal line (without its newline). */
        String line(String hash) {
            return object(hash);
        }

        String hash() {
            return sha256(body());
        }

        AuditEvent event(String hash) {
            return new AuditEvent(
                    seq, at, component, type, user, agency, outcome, CanonicalJson.readObject(details), prevHash, hash);
        }

        /** Keys in RFC 8785 order (UTF-16 code units): agency, at, component, details, format, hash, outcome ... */
        private String object(@Nullable String hash) {
            StringBuilder out = new StringBuilder(256 + details.length());
            out.append("{\"agency\":");
            if (agency == null) {
                out.append("null");
            } else {
                CanonicalJson.string(agency, out);
            }
            out.append(",\"at\":");
            CanonicalJson.string(at.toString(), out);
            out.append(",\"component\":");
            CanonicalJson.string(component, out);
            out.append(",\"details\":").append(details);
            out.append(",\"format\":\"").append(FORMAT).append('"');
            if (hash != null) {
                out.append(",\"hash\":\"").append(hash).append('"');
            }
            out.append(",\"outcome\":");
            CanonicalJson.string(outcome, out);
            out.append(",\"prevHash\":");
            CanonicalJson.string(prevHash, out);
            out.append(",\"seq\":").append(seq);
            out.append(",\"type\":");
            CanonicalJson.string(type, out);
            out.append(",\"user\":");
            CanonicalJson.string(user, out);
            return out.append('}').toString();
        }
    }

    /**
     * Reads a journal line back, and refuses one that is not exactly what {@link Fields#line}
     * writes for the fields it holds, or whose hash does not match them.
     */
    static AuditEvent parseLine(String line) {
        Map<String, Object> m = CanonicalJson.readObject(line);
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("format is " + m.get("format") + ", not " + FORMAT);
        }
        if (!(m.get("details") instanceof Map<?, ?> details)
                || !(m.get("seq") instanceof Number seq)
                || !(m.get("hash") instanceof String hash)) {
            throw new IllegalArgumentException("details, seq or hash missing");
        }
        Fields f = new Fields(
                seq.longValue(),
                Instant.parse(text(m, "at")),
                text(m, "component"),
                text(m, "type"),
                text(m, "user"),
                (String) m.get("agency"),
                text(m, "outcome"),
                CanonicalJson.write(details),
                text(m, "prevHash"));
        if (!f.line(hash).equals(line)) {
            throw new IllegalArgumentException("not in canonical form (RFC 8785)");
        }
        if (!f.hash().equals(hash)) {
            throw new IllegalArgumentException("hash does not match the event: altered");
        }
        return f.event(hash);
    }

    private static String text(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException(key + " missing");
        }
        return s;
    }

    /**
     * The hash of the first format: SHA-256 of a JSON array of the fields in a fixed order, led by
     * the format tag, with the details as their stored text.
     */
    static String legacyHash(Fields f) {
        return sha256(CanonicalJson.legacyArray(Arrays.asList(
                LEGACY,
                f.seq(),
                f.at().toString(),
                f.component(),
                f.type(),
                f.user(),
                f.agency(),
                f.outcome(),
                f.details(),
                f.prevHash())));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
