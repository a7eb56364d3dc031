package org.caselink.write;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.model.Location;
import org.caselink.model.Role;
import org.caselink.write.Rows.AdRow;
import org.caselink.write.Rows.AssociationRow;
import org.caselink.write.Rows.CaseRow;
import org.caselink.write.Rows.ChildRow;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Rows.PersonRow;
import org.caselink.write.Rows.PlaceRow;
import org.jspecify.annotations.Nullable;

/**
 * The graph a first load makes, built in memory and written as CSV files for Neo4j's offline
 * importer (the bulk path, {@code import --bulk}). It is a {@link GraphWriter}: the import's
 * mapping from records to rows ({@code RecordWriter}) runs unchanged against it, and each write
 * does to the nodes here what its statement does in the graph (cases.cypher, children.cypher,
 * persons.cypher, ads.cypher, contacts.cypher, places.cypher, associations.cypher and the
 * relationship statements): merged on the same keys and evidence, the same ranks deciding a
 * person's or child's name, the same sorted name forms and aliases. So the bulk path and the
 * online import give the same graph ({@code BulkImportTests} compares them).
 *
 * <p>It writes into an empty database only: every individual's uid is derived from its record
 * ({@link GraphWriter#derivedUid}), as the online import derives it when nothing is in the graph
 * yet. Not thread-safe: one import fills it.
 */
public final class BulkGraph extends GraphWriter {

    /** Between the elements of a list property in the CSV files (the unit separator). */
    public static final char ARRAY_DELIMITER = '\u001F';

    private static final Comparator<String> CYPHER_ORDER = BulkGraph::compareCodePoints;

    /** A node: its id in the CSV files, its labels, its properties. */
    static final class Node {
        final long id;
        final List<String> labels;
        final Map<String, Object> props = new HashMap<>();

        Node(long id, List<String> labels) {
            this.id = id;
            this.labels = labels;
        }
    }

    /**
     * A relationship: what it is merged on (its type, ends and evidence: equal and hashed on those)
     * and what it holds beside them. Fields, not a map: a million records make millions of them.
     */
    private static final class Rel {
        final String type;
        final long start;
        final long end;
        final String source;
        final String recordId;

        @Nullable
        OffsetDateTime observedAt;

        @Nullable
        Object names;

        Rel(String type, long start, long end, String source, String recordId) {
            this.type = type;
            this.start = start;
            this.end = end;
            this.source = source;
            this.recordId = recordId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Rel r
                    && start == r.start
                    && end == r.end
                    && type.equals(r.type)
                    && source.equals(r.source)
                    && recordId.equals(r.recordId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, start, end, source, recordId);
        }

        Map<String, Object> props(OffsetDateTime ingestedAt) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source", source);
            m.put("recordId", recordId);
            put(m, "observedAt", observedAt);
            m.put("ingestedAt", ingestedAt);
            put(m, "names", names);
            return m;
        }
    }

    private final OffsetDateTime now;
    private long nextId;
    private final Map<String, Map<String, Node>> nodes = new LinkedHashMap<>();
    private final List<Node> carried = new ArrayList<>();
    private final Map<Rel, Rel> rels = new LinkedHashMap<>();

    /** Each person's uid by its external person id, as person-uids.cypher finds it. */
    private final Map<String, String> personUids = new HashMap<>();

    /** A case's OWNED_BY relationships: a case has one owner, a later record moves it. */
    private final Map<Long, List<Rel>> ownedBy = new HashMap<>();

    /** @param now what {@code datetime()} gives the statements: every createdAt and ingestedAt. */
    public BulkGraph(OffsetDateTime now) {
        this.now = now;
    }

    /** Nodes of the graph's kinds (not those {@link #carry carried} over). */
    public long nodeCount() {
        return nodes.values().stream().mapToLong(Map::size).sum();
    }

    public long relationshipCount() {
        return rels.size();
    }

    /** Nodes per label, for the summary and the tests. */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        nodes.forEach((label, byKey) -> counts.put(label, byKey.size()));
        return counts;
    }

    /** The uid of the person with this external person id, if a record of this import brought one. */
    public @Nullable String personUid(String personId) {
        return personUids.get(personId);
    }

    /**
     * A node the database held before the load that must outlive it (the ids key, the audit
     * trail): written into the new store as it was.
     */
    public void carry(List<String> labels, Map<String, Object> props) {
        Node n = new Node(nextId++, List.copyOf(labels));
        n.props.putAll(props);
        carried.add(n);
    }

    private Node node(String label, String keyProperty, String key, boolean created) {
        return nodes.computeIfAbsent(label, l -> new LinkedHashMap<>()).computeIfAbsent(key, k -> {
            Node n = new Node(nextId++, List.of(label));
            n.props.put(keyProperty, key);
            if (created) {
                n.props.put("createdAt", now);
            }
            return n;
        });
    }

    private @Nullable Node find(String label, String key) {
        return nodes.getOrDefault(label, Map.of()).get(key);
    }

    /** MERGE (start)-[r:type {source, recordId}]->(end) ON CREATE SET r.observedAt, r.ingestedAt. */
    private Rel merge(String type, Node start, Node end, Provenance ev) {
        Rel made = new Rel(type, start.id, end.id, ev.source(), ev.recordId());
        Rel held = rels.putIfAbsent(made, made);
        if (held != null) {
            return held;
        }
        made.observedAt = ev.observedAt();
        return made;
    }

    /** SET n.p = value: a null removes the property. */
    private static void put(Map<String, Object> props, String name, @Nullable Object value) {
        if (value == null) {
            props.remove(name);
        } else {
            props.put(name, value);
        }
    }

    @Override
    public void cases(Graph.@Nullable Tx tx, List<CaseRow> rows) {
        for (CaseRow r : rows) {
            Node agency = node("Agency", "code", r.agency(), false);
            Node c = node("Case", "caseNumber", r.caseNumber(), true);
            put(c.props, "type", r.type().name());
            put(c.props, "status", r.status().name());
            put(c.props, "reportedAt", r.reportedAt());
            put(c.props, "agency", r.agency());
            put(c.props, "state", r.state());
            put(c.props, "summary", r.summary());
            Rel owner = merge("OWNED_BY", c, agency, r.ev());
            var owned = ownedBy.computeIfAbsent(c.id, id -> new ArrayList<>());
            if (!owned.contains(owner)) {
                owned.add(owner);
            }
            // A case has one owner: a record that moves it to another agency ends the old ownership.
            owned.removeIf(k -> {
                boolean other = k.end != agency.id;
                if (other) {
                    rels.remove(k);
                }
                return other;
            });
        }
    }

    @Override
    public List<String> children(Graph.@Nullable Tx tx, List<ChildRow> rows, ChildGate gate) {
        List<Map<String, Object>> params = withUids("Child", childParams(rows));
        for (Map<String, Object> row : folded(params, CHILD_FIELDS)) {
            String uid = (String) row.get("uid");
            boolean made = find("Child", uid) == null;
            Node c = node("Child", "uid", uid, true);
            if (made) {
                gate.made(uid);
            }
            foldIndividual(c, row, false);
        }
        for (Map<String, Object> row : params) {
            Node child = Objects.requireNonNull(find("Child", (String) row.get("uid")));
            Node k = Objects.requireNonNull(find("Case", (String) row.get("caseNumber")));
            merge("SUBJECT_OF", child, k, provenance(row)).names = row.get("recordNames");
        }
        return uids(params);
    }

    @Override
    public List<String> persons(Graph.@Nullable Tx tx, List<PersonRow> rows) {
        List<Map<String, Object>> params = withUids("Person", personParams(rows));
        for (Map<String, Object> row : folded(params, PERSON_FIELDS)) {
            Node p = node("Person", "uid", (String) row.get("uid"), true);
            foldIndividual(p, row, true);
            if (p.props.get("personId") instanceof String id) {
                personUids.putIfAbsent(id, (String) p.props.get("uid"));
            }
        }
        for (Map<String, Object> row : params) {
            Node p = Objects.requireNonNull(find("Person", (String) row.get("uid")));
            Node k = Objects.requireNonNull(find("Case", (String) row.get("caseNumber")));
            String type = Role.valueOf((String) row.get("role")).relationship();
            merge(type, p, k, provenance(row)).names = row.get("recordNames");
        }
        return uids(params);
    }

    /** Nodes are found by their uid; the uid is the key the online import derives on an empty graph. */
    private static List<Map<String, Object>> withUids(String label, List<Map<String, Object>> params) {
        for (Map<String, Object> row : params) {
            if (row.get("uid") == null) {
                row.put("uid", derivedUid(label, row));
            }
        }
        return params;
    }

    private static List<String> uids(List<Map<String, Object>> params) {
        return params.stream().map(m -> (String) m.get("uid")).toList();
    }

    private static Provenance provenance(Map<String, Object> row) {
        return new Provenance(
                (String) row.get("source"), (String) row.get("recordId"), (OffsetDateTime) row.get("observedAt"));
    }

    /**
     * One folded row applied to a person or child as persons.cypher and children.cypher apply it:
     * each value from the row when it ranks before what the node holds, every name form kept,
     * the aliases the forms other than the name's (and, for people, every alias given), sorted.
     */
    @SuppressWarnings("unchecked")
    private static void foldIndividual(Node n, Map<String, Object> row, boolean person) {
        var p = n.props;
        boolean betterName = better(row.get("nameRank"), p.get("nameRank"));
        boolean betterDob = better(row.get("dobRank"), p.get("dobRank"));
        boolean betterSex = !person && better(row.get("sexRank"), p.get("sexRank"));
        Object canonical = betterName ? row.get("nameKey") : p.get("nameKey");
        TreeSet<String> forms = new TreeSet<>(CYPHER_ORDER);
        if (p.get("nameForms") instanceof List<?> held) {
            held.forEach(f -> forms.add((String) f));
        }
        for (var name : (List<Map<String, Object>>) row.get("names")) {
            forms.add(name.get("key") + "|" + name.get("display"));
        }
        TreeSet<String> aliases = new TreeSet<>(CYPHER_ORDER);
        if (person) {
            TreeSet<String> given = new TreeSet<>(CYPHER_ORDER);
            Object before = p.get("givenAliases") != null ? p.get("givenAliases") : p.get("aliases");
            if (before instanceof List<?> l) {
                l.forEach(a -> addAlias(given, (String) a));
            }
            ((List<String>) row.get("aliases")).forEach(a -> addAlias(given, a));
            p.put("givenAliases", List.copyOf(given));
            aliases.addAll(given);
        } else if (p.get("nameForms") == null && p.get("aliases") instanceof List<?> l) {
            l.forEach(a -> addAlias(aliases, (String) a));
        }
        for (String f : forms) {
            String key = f.substring(0, f.indexOf('|'));
            if (canonical != null && !key.equals(canonical)) {
                addAlias(aliases, f.substring(key.length() + 1));
            }
        }
        String idProperty = person ? "personId" : "childId";
        if (p.get(idProperty) == null) {
            put(p, idProperty, row.get("externalId"));
        }
        if (betterName) {
            put(p, "firstName", row.get("firstName"));
            put(p, "lastName", row.get("lastName"));
            put(p, "nameRank", row.get("nameRank"));
        }
        put(p, "nameKey", canonical);
        if (betterDob) {
            put(p, "dob", row.get("dob"));
            put(p, "dobRank", row.get("dobRank"));
        }
        if (betterSex) {
            put(p, "sex", row.get("sex"));
            put(p, "sexRank", row.get("sexRank"));
        }
        p.put("nameForms", List.copyOf(forms));
        p.put("aliases", List.copyOf(aliases));
        StringBuilder text = new StringBuilder();
        aliases.forEach(a -> text.append(' ').append(a));
        p.put("aliasText", text.toString());
    }

    private static boolean better(@Nullable Object rank, @Nullable Object held) {
        return rank != null && (held == null || ((String) rank).compareTo((String) held) < 0);
    }

    /** {@code WITH DISTINCT a WHERE a IS NOT NULL AND trim(a) <> ''}. */
    private static void addAlias(TreeSet<String> into, @Nullable String alias) {
        if (alias != null && !alias.strip().isEmpty()) {
            into.add(alias);
        }
    }

    /** Cypher orders strings by code point; Java's compareTo by UTF-16 unit. */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    @Override
    public void contacts(Graph.@Nullable Tx tx, List<ContactRow> rows) {
        for (ContactRow r : rows) {
            Node owner = find(r.owner().label(), r.ownerKey());
            if (owner == null) {
                continue; // MATCH (o ...) finds nothing: nothing is written
            }
            EntityType type = r.contact().type();
            String key = contactKey(r.contact());
            boolean made = find(type.label(), key) == null;
            Node c = node(type.label(), type.keyProperty(), key, false);
            if (made) {
                c.props.putAll(contactProps(r.contact()));
            }
            merge(contactRelationship(r.owner()), owner, c, r.ev());
        }
    }

    @Override
    public void ads(Graph.@Nullable Tx tx, List<AdRow> rows) {
        for (AdRow r : rows) {
            Node a = node("Ad", "adId", r.adId(), true);
            put(a.props, "site", r.site());
            put(a.props, "url", r.url());
            put(a.props, "postedAt", r.postedAt());
            put(a.props, "city", r.city());
            put(a.props, "state", r.state());
            put(a.props, "title", r.title());
            put(a.props, "body", r.body());
            for (String hash : r.imageHashes()) {
                merge("SHOWS", a, node("Image", "hash", hash, false), r.ev());
            }
        }
    }

    @Override
    public void places(Graph.@Nullable Tx tx, List<PlaceRow> rows) {
        for (PlaceRow r : rows) {
            Node owner = find(r.owner().label(), r.ownerKey());
            if (owner == null) {
                continue;
            }
            String key = Location.key(r.city(), r.state());
            boolean made = find("Location", key) == null;
            Node l = node("Location", "key", key, false);
            if (made) {
                l.props.put("city", placeCity(r));
                l.props.put("state", placeState(r));
            }
            merge(placeRelationship(r.owner()), owner, l, r.ev());
        }
    }

    @Override
    public void associations(Graph.@Nullable Tx tx, List<AssociationRow> rows) {
        for (AssociationRow r : rows) {
            Node a = Objects.requireNonNull(find("Person", r.fromUid()));
            Node b = Objects.requireNonNull(find("Person", r.toUid()));
            // MERGE (a)-[r]-(b): the same evidence in either direction is the same relationship.
            var back = new Rel("ASSOCIATED_WITH", b.id, a.id, r.ev().source(), r.ev().recordId());
            if (!rels.containsKey(back)) {
                merge("ASSOCIATED_WITH", a, b, r.ev());
            }
        }
    }

    /** The files written, as the offline importer takes them, and the properties it cannot write. */
    public record Files(
            List<Path> nodes, List<Path> relationships, List<EmptyLists> emptyLists, List<Path> multiline) {}

    /**
     * Properties that hold an empty list on some nodes (or relationships) of a label (or type):
     * the importer writes no property for an empty field, where a statement stores an empty list.
     * Every node of the label has the property, so "IS NULL" finds exactly those to set to [].
     */
    public record EmptyLists(boolean relationship, String name, String property) {}

    /** Writes the graph as CSV files in {@code dir}: one per label (and carried label set), one per type. */
    public Files write(Path dir) throws IOException {
        java.nio.file.Files.createDirectories(dir);
        List<Path> nodeFiles = new ArrayList<>();
        List<EmptyLists> empty = new ArrayList<>();
        int i = 0;
        multiline.clear();
        for (var e : nodes.entrySet()) {
            Path file = dir.resolve("nodes-" + (i++) + "-" + e.getKey() + ".csv");
            empty.addAll(writeTable(
                    file, true, e.getKey(), List.copyOf(e.getValue().values()), n -> n.props, BulkGraph::head));
            nodeFiles.add(file);
        }
        Map<List<String>, List<Node>> carriedByLabels = new LinkedHashMap<>();
        carried.forEach(n -> carriedByLabels
                .computeIfAbsent(n.labels, l -> new ArrayList<>())
                .add(n));
        for (var e : carriedByLabels.entrySet()) {
            Path file = dir.resolve("nodes-" + (i++) + "-carried.csv");
            writeTable(file, true, String.join(":", e.getKey()), e.getValue(), n -> n.props, BulkGraph::head);
            nodeFiles.add(file);
        }
        Map<String, List<Rel>> byType = new LinkedHashMap<>();
        rels.values()
                .forEach(r ->
                        byType.computeIfAbsent(r.type, t -> new ArrayList<>()).add(r));
        List<Path> relFiles = new ArrayList<>();
        for (var e : byType.entrySet()) {
            Path file = dir.resolve("relationships-" + (i++) + "-" + e.getKey() + ".csv");
            empty.addAll(writeTable(
                    file,
                    false,
                    e.getKey(),
                    e.getValue(),
                    r -> r.props(now),
                    r -> r.start + "," + r.end + "," + r.type));
            relFiles.add(file);
        }
        return new Files(nodeFiles, relFiles, empty, List.copyOf(multiline));
    }

    /**
     * The files with a value that spans lines: the importer reads only those as such (reading every
     * file so costs its parallel parsing).
     */
    private final List<Path> multiline = new ArrayList<>();

    /** One CSV file: a header typed from the values, then a line per node or relationship. */
    private <T> List<EmptyLists> writeTable(
            Path file,
            boolean nodeTable,
            String name,
            List<T> rows,
            java.util.function.Function<T, Map<String, Object>> propsOf,
            java.util.function.Function<T, String> head)
            throws IOException {
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, Integer> present = new HashMap<>();
        java.util.Set<String> hasEmpty = new java.util.HashSet<>();
        for (T item : rows) {
            for (var e : propsOf.apply(item).entrySet()) {
                String type = csvType(e.getValue());
                String held = types.putIfAbsent(e.getKey(), type);
                if (held != null && !held.equals(type) && !type.equals("?")) {
                    if (held.equals("?")) {
                        types.put(e.getKey(), type);
                    } else {
                        throw new IllegalStateException(
                                name + "." + e.getKey() + " holds both " + held + " and " + type + " values");
                    }
                }
                present.merge(e.getKey(), 1, Integer::sum);
                if (e.getValue() instanceof List<?> l && l.isEmpty()) {
                    hasEmpty.add(e.getKey());
                }
            }
        }
        types.replaceAll((k, t) -> t.equals("?") ? "string[]" : t);
        List<EmptyLists> empty = new ArrayList<>();
        for (String p : hasEmpty) {
            if (present.get(p) != rows.size()) {
                throw new IllegalStateException(name + "." + p + " is an empty list on some and missing on others");
            }
            empty.add(new EmptyLists(!nodeTable, name, p));
        }
        List<String> columns = List.copyOf(types.keySet());
        try (BufferedWriter out = java.nio.file.Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(nodeTable ? ":ID,:LABEL" : ":START_ID,:END_ID,:TYPE");
            for (String c : columns) {
                out.write(',');
                out.write(c);
                out.write(':');
                out.write(types.get(c));
            }
            out.write('\n');
            for (T item : rows) {
                out.write(head.apply(item));
                Map<String, Object> row = propsOf.apply(item);
                for (String c : columns) {
                    out.write(',');
                    Object v = row.get(c);
                    if (v != null) {
                        String text = csvValue(name + "." + c, v);
                        if ((text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) && !multiline.contains(file)) {
                            multiline.add(file);
                        }
                        out.write(text);
                    }
                }
                out.write('\n');
            }
        }
        return empty;
    }

    /** A node's id and labels, the first columns of its line. */
    private static String head(Node n) {
        return n.id + "," + quoted(String.join(String.valueOf(ARRAY_DELIMITER), n.labels));
    }

    /** The importer's type of a value; "?" for an empty list, whose element type it does not show. */
    private static String csvType(Object v) {
        return switch (v) {
            case String s -> "string";
            case Long l -> "long";
            case Integer n -> "long";
            case Boolean b -> "boolean";
            case Double d -> "double";
            case OffsetDateTime t -> "datetime";
            case ZonedDateTime t -> "datetime";
            case LocalDate d -> "date";
            case List<?> l when l.isEmpty() -> "?";
            case List<?> l when l.getFirst() instanceof String -> "string[]";
            case List<?> l when l.getFirst() instanceof Long -> "long[]";
            default ->
                throw new IllegalStateException(
                        "no CSV type for " + v.getClass().getSimpleName());
        };
    }

    private static String csvValue(String where, Object v) {
        return switch (v) {
            case String s -> quoted(s);
            case OffsetDateTime t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
            case ZonedDateTime t -> DateTimeFormatter.ISO_ZONED_DATE_TIME.format(t);
            case List<?> l when l.isEmpty() -> "";
            case List<?> l -> {
                StringBuilder b = new StringBuilder();
                for (Object e : l) {
                    String s = String.valueOf(e);
                    if (s.indexOf(ARRAY_DELIMITER) >= 0 || s.isEmpty()) {
                        throw new IllegalStateException(where + " holds an element the CSV files cannot carry");
                    }
                    if (!b.isEmpty()) {
                        b.append(ARRAY_DELIMITER);
                    }
                    b.append(s);
                }
                yield quoted(b.toString());
            }
            default -> String.valueOf(v);
        };
    }

    /** RFC 4180 quoting, as the importer reads it (a doubled quote is a quote; newlines allowed). */
    private static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
