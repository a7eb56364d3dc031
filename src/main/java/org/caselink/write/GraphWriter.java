package org.caselink.write;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caselink.db.CypherFiles;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.model.IdCodec;
import org.caselink.model.Location;
import org.caselink.model.Role;
import org.caselink.normalize.Normalize;
import org.caselink.write.Rows.AdRow;
import org.caselink.write.Rows.AssociationRow;
import org.caselink.write.Rows.CaseRow;
import org.caselink.write.Rows.ChildRow;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Rows.PersonRow;
import org.caselink.write.Rows.PlaceRow;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The last step of every write path (mutations, demo data, imports): batches of validated rows
 * become {@code UNWIND ... MERGE} statements inside the caller's transaction. Every relationship
 * is merged on its evidence (source and record), so writing the same record twice changes nothing,
 * and two sources that assert the same link are both kept.
 */
@Component
public class GraphWriter {

    private static final String CASES = CypherFiles.query("ingest/cases");
    private static final String RESOLVE = CypherFiles.query("ingest/resolve-identity");
    private static final String CHILDREN = CypherFiles.query("ingest/children");
    private static final String CHILD_SUBJECTS = CypherFiles.query("ingest/child-subjects");
    private static final String EXISTING_SUBJECTS = CypherFiles.query("ingest/existing-subjects");
    private static final String PERSONS = CypherFiles.query("ingest/persons");
    private static final String PERSON_ROLES = CypherFiles.query("ingest/person-roles");
    private static final String CONTACTS = CypherFiles.query("ingest/contacts");
    private static final String ADS = CypherFiles.query("ingest/ads");
    private static final String PLACES = CypherFiles.query("ingest/places");
    private static final String ASSOCIATIONS = CypherFiles.query("ingest/associations");

    public void cases(Graph.Tx tx, List<CaseRow> rows) {
        for (List<CaseRow> round : rounds(rows)) {
            run(tx, CASES, round, r -> {
                Map<String, Object> m = r.ev().params();
                m.put("caseNumber", r.caseNumber());
                m.put("type", r.type().name());
                m.put("status", r.status().name());
                m.put("reportedAt", r.reportedAt());
                m.put("agency", r.agency());
                m.put("state", r.state());
                m.put("summary", r.summary());
                return m;
            });
        }
    }

    /**
     * The rows of a batch in rounds, each case at most once per round, in the order of the batch:
     * one statement per round writes what the rows written one by one would. In one statement,
     * every row's "end the other ownerships" clause runs after every row's MERGE, so two rows of one
     * case with two agencies would each end the other's, and the case would be left with no owner.
     */
    static List<List<CaseRow>> rounds(List<CaseRow> rows) {
        List<List<CaseRow>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (CaseRow r : rows) {
            int round = seen.merge(r.caseNumber(), 1, Integer::sum) - 1;
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(r);
        }
        return rounds;
    }

    /** Writes children as subjects of their cases; returns each row's child uid, in order. */
    public List<String> children(Graph.Tx tx, List<ChildRow> rows) {
        return children(tx, rows, uid -> true);
    }

    /**
     * Refused: a write that would make a child already in the graph the subject of a case, by a
     * user without need-to-know of that child. Assigned to that case, they would otherwise gain it.
     */
    public static final class ChildNotLinkable extends RuntimeException {
        ChildNotLinkable() {
            super("names a child already recorded in another case; only a user with need-to-know of that child"
                    + " may add it to a case (an administrator, or a user assigned to one of its cases)");
        }
    }

    /** Who may make which existing child the subject of a case, and what is told of new children. */
    public interface ChildGate {
        /** Whether the child {@code uid}, already in the graph, may become the subject of another case. */
        boolean mayLink(String uid);

        /** The child {@code uid} did not exist before this write. */
        default void made(String uid) {}
    }

    /**
     * {@link #children(Graph.Tx, List)}, refusing ({@link ChildNotLinkable}) when a row makes a
     * child already in the graph the subject of a case it was not yet the subject of and
     * {@code gate} says no: however the child is named (external id, or name and date of birth),
     * linking it must not grant need-to-know of it. Writing the same record again is no new link.
     */
    public List<String> children(Graph.Tx tx, List<ChildRow> rows, ChildGate gate) {
        List<Map<String, Object>> params = childParams(rows);
        resolve(tx, "Child", "childId", params);
        Set<String> existing = new HashSet<>();
        tx.run(EXISTING_SUBJECTS, Map.of("rows", params), r -> {
            String uid = r.get("uid").asString();
            existing.add(uid);
            if (!r.get("already").asBoolean() && !gate.mayLink(uid)) {
                throw new ChildNotLinkable();
            }
            return null;
        });
        params.stream()
                .map(m -> (String) m.get("uid"))
                .distinct()
                .filter(uid -> !existing.contains(uid))
                .forEach(gate::made);
        tx.run(CHILDREN, Map.of("people", folded(params, CHILD_FIELDS)));
        tx.run(CHILD_SUBJECTS, Map.of("rows", params));
        return params.stream().map(m -> (String) m.get("uid")).toList();
    }

    /** Writes people in their roles in their cases; returns each row's person uid, in order. */
    public List<String> persons(Graph.Tx tx, List<PersonRow> rows) {
        List<Map<String, Object>> params = personParams(rows);
        resolve(tx, "Person", "personId", params);
        tx.run(PERSONS, Map.of("people", folded(params, PERSON_FIELDS)));
        for (Role role : Role.values()) {
            var ofRole = params.stream()
                    .filter(m -> role.name().equals(m.get("role")))
                    .toList();
            if (!ofRole.isEmpty()) {
                tx.run(CypherFiles.fill(PERSON_ROLES, "__ROLE__", role.relationship()), Map.of("rows", ofRole));
            }
        }
        return params.stream().map(m -> (String) m.get("uid")).toList();
    }

    /** What a child's fold keeps of its rows ({@link #folded}). */
    static final List<String> CHILD_FIELDS = List.of("externalId", "firstName", "lastName", "nameKey", "dob", "sex");

    /** What a person's fold keeps of its rows ({@link #folded}). */
    static final List<String> PERSON_FIELDS = List.of("externalId", "firstName", "lastName", "nameKey", "dob");

    /** The statement parameters of children rows, as children.cypher and child-subjects.cypher read them. */
    static List<Map<String, Object>> childParams(List<ChildRow> rows) {
        return rows.stream()
                .map(r -> {
                    Map<String, Object> m = r.ev().params();
                    m.put("caseNumber", r.caseNumber());
                    m.put("uid", r.uid());
                    m.put("externalId", r.childId());
                    m.put("firstName", r.firstName());
                    m.put("lastName", r.lastName());
                    m.put("nameKey", Normalize.nameKey(r.firstName(), r.lastName()));
                    m.put("dob", r.dob());
                    m.put("sex", r.sex());
                    m.put("recordNames", recordNames(r.firstName(), r.lastName(), List.of()));
                    return m;
                })
                .toList();
    }

    /** The statement parameters of person rows, as persons.cypher and person-roles.cypher read them. */
    static List<Map<String, Object>> personParams(List<PersonRow> rows) {
        return rows.stream()
                .map(r -> {
                    Map<String, Object> m = r.ev().params();
                    m.put("caseNumber", r.caseNumber());
                    m.put("role", r.role().name());
                    m.put("uid", r.uid());
                    m.put("externalId", r.personId());
                    m.put("firstName", r.firstName());
                    m.put("lastName", r.lastName());
                    m.put("nameKey", Normalize.nameKey(r.firstName(), r.lastName()));
                    m.put("aliases", r.aliases());
                    m.put("recordNames", recordNames(r.firstName(), r.lastName(), r.aliases()));
                    m.put("dob", r.dob());
                    return m;
                })
                .toList();
    }

    /** The names one record gave an individual: its name as the node's aliases spell one, and its aliases. */
    private static List<String> recordNames(@Nullable String first, @Nullable String last, List<String> aliases) {
        List<String> names = new ArrayList<>();
        String display = display(first, last);
        if (!display.isEmpty()) {
            names.add(display);
        }
        aliases.stream().filter(a -> !names.contains(a)).forEach(names::add);
        return names;
    }

    private static String display(@Nullable Object first, @Nullable Object last) {
        return ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
    }

    /**
     * The rows of a batch, one per individual (uid), in the order of their first row: the name
     * ({@code firstName}, {@code lastName}, {@code nameKey}) from the row with the lowest
     * {@link #rank} that gives one, and each other of {@code fields} from the lowest-ranked row
     * that gives it, with the ranks ({@code nameRank}, {@code <field>Rank}) so that the graph keeps
     * whichever record ranks lowest across batches and imports; every name given ({@code names}:
     * key and spelling) and every alias. Cypher applies each clause to all the rows of a statement
     * before the next clause, so two rows of one individual in one statement would not see each
     * other's values; folded first, a batch writes what the same rows written one by one would, in
     * any order.
     */
    static List<Map<String, Object>> folded(List<Map<String, Object>> rows, List<String> fields) {
        Map<String, Map<String, Object>> byUid = new java.util.LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            var one = byUid.computeIfAbsent((String) row.get("uid"), uid -> {
                Map<String, Object> m = new HashMap<>();
                m.put("uid", uid);
                m.put("names", new ArrayList<Map<String, Object>>());
                m.put("aliases", new ArrayList<String>());
                return m;
            });
            String rank = rank(row);
            if (row.get("nameKey") != null && outranks(rank, one.get("nameRank"))) {
                NAME_FIELDS.forEach(f -> one.put(f, row.get(f)));
                one.put("nameRank", rank);
            }
            for (String f : fields) {
                if (!NAME_FIELDS.contains(f) && row.get(f) != null && outranks(rank, one.get(f + "Rank"))) {
                    one.put(f, row.get(f));
                    one.put(f + "Rank", rank);
                }
            }
            if (row.get("nameKey") != null) {
                @SuppressWarnings("unchecked")
                var names = (List<Map<String, Object>>) one.get("names");
                String display = display(row.get("firstName"), row.get("lastName"));
                names.add(Map.of("key", row.get("nameKey"), "display", display));
            }
            if (row.get("aliases") instanceof List<?> aliases) {
                @SuppressWarnings("unchecked")
                var all = (List<String>) one.get("aliases");
                aliases.forEach(a -> all.add(String.valueOf(a)));
            }
        }
        return List.copyOf(byUid.values());
    }

    private static final List<String> NAME_FIELDS = List.of("firstName", "lastName", "nameKey");

    private static boolean outranks(String rank, @Nullable Object held) {
        return held == null || rank.compareTo((String) held) < 0;
    }

    private static final java.time.format.DateTimeFormatter INSTANT = java.time.format.DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /**
     * Where a record ranks when records give an individual different values: the earliest
     * observation first (a record without a time after every record with one), then by source and
     * record id. A rule of the records, not of their arrival: any order gives the same node.
     */
    static String rank(Map<String, Object> row) {
        Object at = row.get("observedAt");
        String time = at instanceof java.time.OffsetDateTime t ? INSTANT.format(t) : at == null ? "~" : at.toString();
        return time + "|" + row.get("source") + "|" + row.get("recordId");
    }

    public void contacts(Graph.Tx tx, List<ContactRow> rows) {
        var groups = rows.stream()
                .collect(Collectors.groupingBy(
                        r -> List.of(r.owner(), r.contact().type())));
        groups.forEach((key, group) -> {
            EntityType owner = group.getFirst().owner();
            EntityType contact = group.getFirst().contact().type();
            String cypher = CypherFiles.fill(
                    CONTACTS,
                    "__OWNER__",
                    owner.label(),
                    "__OWNER_KEY__",
                    owner.keyProperty(),
                    "__CONTACT__",
                    contact.label(),
                    "__CONTACT_KEY__",
                    contact.keyProperty(),
                    "__REL__",
                    contactRelationship(owner));
            run(tx, cypher, group, r -> {
                Map<String, Object> m = r.ev().params();
                var c = r.contact();
                m.put("owner", r.ownerKey());
                m.put("key", contactKey(c));
                m.put("props", contactProps(c));
                return m;
            });
        });
    }

    /** A phone's, email's or handle's key property: handles are keyed by platform and handle. */
    static String contactKey(Rows.Contact c) {
        return c.platform() == null ? c.value() : c.platform() + ":" + c.value();
    }

    /** The properties a contact node gets when it is made, beside its key. */
    static Map<String, Object> contactProps(Rows.Contact c) {
        return c.platform() == null ? Map.of() : Map.of("platform", c.platform(), "handle", c.value());
    }

    public void ads(Graph.Tx tx, List<AdRow> rows) {
        run(tx, ADS, rows, r -> {
            Map<String, Object> m = r.ev().params();
            m.put("adId", r.adId());
            m.put("site", r.site());
            m.put("url", r.url());
            m.put("postedAt", r.postedAt());
            m.put("city", r.city());
            m.put("state", r.state());
            m.put("title", r.title());
            m.put("body", r.body());
            m.put("imageHashes", r.imageHashes());
            return m;
        });
    }

    public void places(Graph.Tx tx, List<PlaceRow> rows) {
        rows.stream().collect(Collectors.groupingBy(PlaceRow::owner)).forEach((owner, group) -> {
            String rel = placeRelationship(owner);
            String cypher = CypherFiles.fill(
                    PLACES, "__OWNER__", owner.label(), "__OWNER_KEY__", owner.keyProperty(), "__REL__", rel);
            run(tx, cypher, group, r -> {
                Map<String, Object> m = r.ev().params();
                m.put("owner", r.ownerKey());
                m.put("key", Location.key(r.city(), r.state()));
                m.put("city", placeCity(r));
                m.put("state", placeState(r));
                return m;
            });
        });
    }

    public void associations(Graph.Tx tx, List<AssociationRow> rows) {
        run(tx, ASSOCIATIONS, rows, r -> {
            Map<String, Object> m = r.ev().params();
            m.put("from", r.fromUid());
            m.put("to", r.toUid());
            return m;
        });
    }

    /** The relationship from a case (where a child was last seen) or an ad (where it was posted) to a place. */
    static String placeRelationship(EntityType owner) {
        return owner == EntityType.CASE ? "LAST_SEEN_IN" : "POSTED_IN";
    }

    static String placeCity(PlaceRow r) {
        return r.city().strip();
    }

    static String placeState(PlaceRow r) {
        return r.state().strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The relationship from an owner to a phone, email or handle. */
    static String contactRelationship(EntityType owner) {
        return switch (owner) {
            case CASE -> "MENTIONS";
            case AD -> "LISTS";
            case CHILD, PERSON -> "USES";
            default -> throw new IllegalArgumentException(owner + " has no contacts");
        };
    }

    private static <R> void run(Graph.Tx tx, String cypher, List<R> rows, Function<R, Map<String, Object>> toParams) {
        if (!rows.isEmpty()) {
            tx.run(cypher, Map.of("rows", rows.stream().map(toParams).toList()));
        }
    }

    /**
     * Fills in the uid of every row that has none. Only an external id merges records into one
     * individual: the node that carries it, else a uid derived from it. A record without one
     * gives an individual of its own (per case and name): a name and a date of birth, however
     * rare, are evidence for an identity proposal, never a merge (two different children can
     * share both), and who is who then depends on no arrival order. A node an earlier release
     * merged by name and date of birth is found again when the same case record is written again
     * (its old name-based uid, tied to that case), so re-importing old files makes no duplicate.
     */
    private static void resolve(Graph.Tx tx, String label, String externalIdProperty, List<Map<String, Object>> rows) {
        List<Map<String, Object>> open =
                rows.stream().filter(m -> m.get("uid") == null).toList();
        if (open.isEmpty()) {
            return;
        }
        List<Map<String, Object>> lookups = new ArrayList<>();
        for (Map<String, Object> row : open) {
            Map<String, Object> m = new HashMap<>();
            m.put("externalId", row.get("externalId"));
            m.put("caseNumber", row.get("caseNumber"));
            m.put(
                    "legacyUid",
                    row.get("externalId") == null && row.get("nameKey") != null && row.get("dob") != null
                            ? IdCodec.installed().uid(label, "name:" + row.get("nameKey") + "|" + row.get("dob"))
                            : null);
            lookups.add(m);
        }
        String cypher = CypherFiles.fill(RESOLVE, "__LABEL__", label, "__EXTERNAL_ID__", externalIdProperty);
        String[] found = new String[open.size()];
        tx.run(cypher, Map.of("rows", lookups), r -> {
            int i = r.get("i").asInt();
            found[i] = !r.get("byId").isNull()
                    ? r.get("byId").asString()
                    : r.get("byLegacy").isNull() ? null : r.get("byLegacy").asString();
            return null;
        });
        for (int i = 0; i < open.size(); i++) {
            open.get(i).put("uid", found[i] != null ? found[i] : derivedUid(label, open.get(i)));
        }
    }

    /**
     * A uid that depends only on what identifies the individual in the record, keyed by the
     * deployment's ids key: it cannot be computed from a guessed name and date of birth.
     */
    static String derivedUid(String label, Map<String, Object> row) {
        String identity;
        if (row.get("externalId") != null) {
            identity = "id:" + row.get("externalId");
        } else {
            identity = "anon:" + row.get("caseNumber") + "|" + row.get("nameKey") + "|" + row.get("firstName") + "|"
                    + row.get("lastName");
        }
        return IdCodec.installed().uid(label, identity);
    }
}
