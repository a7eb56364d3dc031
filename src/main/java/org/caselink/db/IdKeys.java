package org.caselink.db;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.caselink.model.IdCodec;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Loads the deployment's ids key at start and installs it ({@link IdCodec}); on the first start
 * with it, re-keys what earlier releases stored.
 *
 * <p>The key is {@code caselink.ids.key} (at least 32 characters) when configured; otherwise one is
 * made on the first start and kept in the graph (node {@code __IdKey}), so that every replica and
 * every import command on the database uses the same one, and a backup of the database carries it.
 * Either way the graph keeps the key's fingerprint and a start with another key is refused: ids
 * made with one key are not found with another, and a later import would make duplicates.
 *
 * <p>Re-keying (once, resumable): earlier releases derived a person's or child's uid from a
 * name-based UUID of its external id, or name and date of birth, and made global ids readable
 * (base64 of type and key). Each such uid is replaced by the keyed uid of the same identity (found
 * by recomputing the old uid from the node's own fields and cases), the old one kept as
 * {@code legacyUid} for auditors; alert paths stored as old global ids are re-encoded. Audit
 * events keep the ids they were written with.
 */
@Component
public class IdKeys implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IdKeys.class);
    static final int SCHEME = 2;
    private static final int BATCH = 1000;
    private static final String IDS_KEY = CypherFiles.query("db/ids-key");
    private static final String IDS_KEY_SCHEME = CypherFiles.query("db/ids-key-scheme");
    private static final String LEGACY_UIDS = CypherFiles.query("db/legacy-uids");
    private static final String REKEY_UIDS = CypherFiles.query("db/rekey-uids");
    private static final String ALERT_PATHS = CypherFiles.query("db/alert-paths");
    private static final String REKEY_ALERT_PATHS = CypherFiles.query("db/rekey-alert-paths");

    private final Graph graph;
    private final String configured;

    IdKeys(Graph graph, Migrations migrations, IdsProperties settings) {
        this.graph = graph;
        this.configured = settings.key().strip();
    }

    @Override
    public void afterPropertiesSet() {
        String candidate = configured.isEmpty() ? newSecret() : configured;
        if (candidate.length() < 32) {
            throw new IllegalStateException("caselink.ids.key (CASELINK_IDS_KEY) must be at least 32 characters");
        }
        IdCodec proposed = new IdCodec(candidate.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> params = new HashMap<>();
        params.put("fingerprint", proposed.fingerprint());
        // Kept in the graph only when not configured.
        params.put("secret", configured.isEmpty() ? candidate : null);
        var row = graph.write(IDS_KEY, params, r -> r).getFirst();
        IdCodec codec = proposed;
        if (configured.isEmpty()) {
            String secret =
                    row.get("secret").isNull() ? null : row.get("secret").asString();
            if (secret == null) {
                throw new IllegalStateException("This database's ids key (fingerprint "
                        + row.get("fingerprint").asString()
                        + ") was configured, not kept in the graph: set caselink.ids.key (CASELINK_IDS_KEY) to it");
            }
            codec = new IdCodec(secret.getBytes(StandardCharsets.UTF_8));
        }
        if (!codec.fingerprint().equals(row.get("fingerprint").asString())) {
            throw new IllegalStateException("caselink.ids.key (fingerprint " + codec.fingerprint()
                    + ") is not the key this database's ids were made with (fingerprint "
                    + row.get("fingerprint").asString()
                    + "): ids made with one key are not found with another, and imports would make duplicates."
                    + " Set the key the database was made with.");
        }
        IdCodec.install(codec);
        if (row.get("scheme").isNull() || row.get("scheme").asInt() < SCHEME) {
            rekey(codec);
            graph.write(IDS_KEY_SCHEME, Map.of("scheme", SCHEME), r -> r);
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Re-keys the uids and stored global ids of earlier releases (see the class comment). */
    void rekey(IdCodec codec) {
        Map<String, String> uids = new HashMap<>();
        rekey(codec, "Child", "childId", uids);
        rekey(codec, "Person", "personId", uids);
        int alerts = rekeyAlerts(codec, uids);
        if (!uids.isEmpty() || alerts > 0) {
            log.info("Ids re-keyed: {} people and children, {} alerts", uids.size(), alerts);
        }
    }

    private void rekey(IdCodec codec, String label, String externalId, Map<String, String> uids) {
        var rows = graph.read(
                CypherFiles.fill(LEGACY_UIDS, "__LABEL__", label, "__EXTERNAL_ID__", externalId), Map.of(), r -> r);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (var r : rows) {
            String old = r.get("uid").asString();
            String identity = legacyIdentity(label, old, r).orElse("legacy:" + old);
            String uid = codec.uid(label, identity);
            uids.put(old, uid);
            batch.add(Map.of("old", old, "uid", uid));
            if (batch.size() == BATCH) {
                writeUids(label, batch);
                batch.clear();
            }
        }
        writeUids(label, batch);
    }

    private void writeUids(String label, List<Map<String, Object>> batch) {
        if (!batch.isEmpty()) {
            graph.write(CypherFiles.fill(REKEY_UIDS, "__LABEL__", label), Map.of("rows", List.copyOf(batch)), r -> r);
        }
    }

    /**
     * The identity an earlier release derived this uid from: the candidate (external id, name
     * and date of birth, or case and name) whose name-based UUID is the stored uid.
     */
    static Optional<String> legacyIdentity(String label, String uid, org.neo4j.driver.Record r) {
        List<String> candidates = new ArrayList<>();
        if (!r.get("externalId").isNull()) {
            candidates.add("id:" + r.get("externalId").asString());
        }
        String nameKey = r.get("nameKey").isNull() ? null : r.get("nameKey").asString();
        if (nameKey != null && !r.get("dob").isNull()) {
            candidates.add("name:" + nameKey + "|" + r.get("dob").asLocalDate());
        }
        for (Value c : r.get("cases").values()) {
            candidates.add("anon:" + c.asString() + "|" + nameKey + "|" + text(r.get("firstName")) + "|"
                    + text(r.get("lastName")));
        }
        return candidates.stream()
                .filter(c -> UUID.nameUUIDFromBytes((label + ":" + c).getBytes(StandardCharsets.UTF_8))
                        .toString()
                        .equals(uid))
                .findFirst();
    }

    private static @Nullable String text(Value v) {
        return v.isNull() ? null : v.asString();
    }

    /** Alert paths stored as readable global ids, re-encoded (people and children with their new uids). */
    private int rekeyAlerts(IdCodec codec, Map<String, String> uids) {
        var alerts = graph.read(ALERT_PATHS, Map.of(), r -> r);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var a : alerts) {
            List<String> path = a.get("path").asList(Value::asString);
            List<String> rekeyed = path.stream()
                    .map(id -> codec.decode(id).isPresent()
                            ? id
                            : legacyGlobalId(id)
                                    .map(g -> codec.encode(g.type(), uids.getOrDefault(g.key(), g.key())))
                                    .orElse(id))
                    .toList();
            if (!rekeyed.equals(path)) {
                rows.add(Map.of("id", a.get("id").asString(), "path", rekeyed));
            }
        }
        if (!rows.isEmpty()) {
            graph.write(REKEY_ALERT_PATHS, Map.of("rows", rows), r -> r);
        }
        return rows.size();
    }

    /**
     * A global id as earlier releases made it: base64url of {@code Label:key}. Read here for
     * re-keying only; the API does not accept these ids any more.
     */
    static Optional<GlobalId> legacyGlobalId(String id) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0 || colon == raw.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new GlobalId(EntityType.ofLabel(raw.substring(0, colon)), raw.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
