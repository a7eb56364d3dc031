package org.caselink.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.TestDatabase;
import org.caselink.db.Graph;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Issue 15: a generated search for leaks. Walks the schema from every root query field, to depth
 * 4, with every argument the fixtures can fill (every case number, every node's global id, every
 * phone, email, handle, ad, image, place and agency: probing with keys the user may not see is the
 * point), several bindings of one field as aliases in one document and inline fragments for every
 * type behind an interface or union. Runs it as the least-privileged users who could exploit a
 * leak: a partner of AGENCY-B, an analyst assigned nothing, an auditor. Every string in every
 * answer (data and error messages) is checked against the values that exist only in records that
 * user may not see, collected from the fixtures first; a failure names the field path that leaked.
 * It also asserts that the walk covered every (type, field) pair reachable from {@code Query}.
 */
@org.caselink.Slow
@IntegrationTest
@org.springframework.test.context.TestPropertySource(
        properties = {
            // The walk sends few large documents (one request each is audited, which is what takes
            // the time); the document limits have their own tests (HardeningTests).
            "caselink.api.max-document-chars=200000",
            "caselink.api.max-tokens=200000",
            "caselink.api.max-whitespace-tokens=400000",
            "caselink.api.max-aliases=1000",
            "caselink.api.max-complexity=1000000000",
            "caselink.api.request-timeout=120s"
        })
@org.springframework.test.annotation.DirtiesContext(
        classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
class LeakSearchTests {

    /** A database of its own: a context with other limits cannot open the shared one too. */
    @org.springframework.test.context.DynamicPropertySource
    static void database(org.springframework.test.context.DynamicPropertyRegistry registry) {
        TestDatabase.registerOwn(registry, "leak-search");
        registry.add("caselink.embedded.page-cache", () -> "32MB");
    }

    private static final int DEPTH = 4;
    /** Documents stay under the limits this test sets (below). */
    private static final int MAX_DOCUMENT = 150_000;

    /** Aliases per document, under the limit this test sets. */
    private static final int MAX_ALIASES = 900;

    private static final java.util.regex.Pattern FRAGMENT_ALIAS = java.util.regex.Pattern.compile("[A-Z]\\w*_\\w+: ");

    /** Arguments that size a page or a result. */
    private static final Set<String> SMALL = Set.of("first", "limit");

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    GraphQlSource source;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    private GraphQLSchema schema;
    /** (label, key) of every fixture node, and its global id. */
    private final Map<String, String> idOf = new LinkedHashMap<>();

    private final Set<String> covered = new TreeSet<>();

    private int refusals;

    /** Calls the cost limit refused even alone. */
    private final Set<String> unpriced = new TreeSet<>();

    @BeforeEach
    void load() {
        fixtures.load();
        schema = source.schema();
        graph.read(
                        """
                        MATCH (n) WHERE n:Case OR n:Child OR n:Person OR n:Phone OR n:Email OR n:Handle OR n:Ad
                                     OR n:Image OR n:Location OR n:Agency
                        RETURN labels(n)[0] AS label,
                               coalesce(n.caseNumber, n.uid, n.e164, n.address, n.key, n.adId, n.hash, n.code) AS key
                        """,
                        Map.of(),
                        r -> Map.entry(r.get("label").asString(), r.get("key").asString()))
                .forEach(e -> idOf.put(
                        e.getKey() + ":" + e.getValue(), GlobalId.of(EntityType.ofLabel(e.getKey()), e.getValue())));
    }

    @Test
    void noAnswerHoldsWhatOnlyRecordsOutOfSightHold() {
        // AGENCY-B's partner sees MC-T-002 and who it names (Bea King, John Doe, Mike Roe), nothing
        // its own records do not say: every contact in the fixtures comes from AGENCY-A's MC-T-001.
        Set<String> partnerB = forbidden(
                List.of(
                        "Case:MC-T-001",
                        "Case:MC-T-003",
                        "Phone:" + Fixtures.ANA_PHONE,
                        "Phone:" + Fixtures.JOHN_PHONE,
                        "Phone:+17035550100",
                        "Email:ana.l@example.org",
                        "Email:jd@example.com",
                        "Handle:instagram:ana.l",
                        "Ad:AD-1",
                        "Ad:AD-2",
                        "Ad:AD-3",
                        "Image:" + Fixtures.IMAGE,
                        "Location:Richmond|VA",
                        "Location:Baltimore|MD",
                        "Agency:AGENCY-A"),
                List.of("CH-1", "Ana", "Lopez", "2008-02-01", "JD", "ana.l", "Richmond", "Baltimore", "AGENCY-A"),
                List.of("Child:CH-1"));
        // An analyst assigned nothing sees every case, no child's identity, nor the handles and
        // emails that identify a child.
        Set<String> analyst = forbidden(
                List.of("Email:ana.l@example.org", "Handle:instagram:ana.l"),
                List.of("Ana", "Lopez", "Bea", "King", "2008-02-01", "2009-06-15", "ana.l", "ana.l@example.org"),
                List.of());
        // An auditor sees no case data at all.
        Set<String> auditor = forbidden(
                new ArrayList<>(idOf.keySet()),
                List.of(
                        "MC-T-001",
                        "MC-T-002",
                        "MC-T-003",
                        "Ana",
                        "Lopez",
                        "Bea",
                        "King",
                        "John",
                        "Doe",
                        "Mike",
                        "Roe",
                        Fixtures.ANA_PHONE,
                        Fixtures.JOHN_PHONE,
                        "jd@example.com",
                        "AD-1",
                        "AD-2",
                        "AD-3"),
                List.of("Child:CH-1", "Child:CH-2", "Person:P-17", "Person:P-22"));

        List<String> documents = documents();
        List<String> leaks = new ArrayList<>();
        // Canaries: what each user must see, so that a walk that reached nothing cannot pass.
        leaks.addAll(run("p-b", UserRole.LE_PARTNER, "AGENCY-B", documents, partnerB, Set.of("MC-T-002", "Bea")));
        leaks.addAll(run(
                "nobody", UserRole.ANALYST, null, documents, analyst, Set.of("MC-T-001", "CH-1", Fixtures.ANA_PHONE)));
        leaks.addAll(run("auditor", UserRole.AUDITOR, null, documents, auditor, Set.of()));
        assertThat(leaks).as("values out of the user's sight found in answers").isEmpty();
        assertThat(unpriced)
                .as("calls the cost limit refused even alone (not walked)")
                .isEmpty();

        Set<String> reachable = new TreeSet<>();
        reach(schema.getQueryType(), 0, reachable, new java.util.HashSet<>());
        reachable.removeAll(covered);
        assertThat(reachable).as("(type, field) pairs the walk did not reach").isEmpty();
    }

    /**
     * The values a user must not see: for each node out of sight (label:key), its key and global
     * id; the listed plain values; for each individual (label:externalId), its uid and global id.
     */
    private Set<String> forbidden(List<String> nodes, List<String> values, List<String> individuals) {
        Set<String> out = new LinkedHashSet<>(values);
        for (String node : nodes) {
            // A place is named by its city here; its key is the graph's.
            if (node.startsWith("Location:")) {
                String city = node.substring("Location:".length(), node.indexOf('|'));
                node = idOf.keySet().stream()
                        .filter(k -> k.startsWith("Location:")
                                && k.toLowerCase(java.util.Locale.ROOT)
                                        .contains(city.toLowerCase(java.util.Locale.ROOT)))
                        .findFirst()
                        .orElse(node);
            }
            String id = idOf.get(node);
            assertThat(id).as("fixture node " + node).isNotNull();
            out.add(id);
            out.add(node.substring(node.indexOf(':') + 1));
        }
        for (String individual : individuals) {
            String label = individual.substring(0, individual.indexOf(':'));
            String uid = graph.read(
                            "MATCH (n:" + label + ") WHERE coalesce(n.childId, n.personId) = $id RETURN n.uid AS uid",
                            Map.of("id", individual.substring(label.length() + 1)),
                            r -> r.get("uid").asString())
                    .getFirst();
            out.add(uid);
            out.add(idOf.get(label + ":" + uid));
        }
        // Keys that are in the user's sight under another name are not secrets (a case's place).
        out.remove(null);
        return out;
    }

    private List<String> run(
            String user,
            UserRole role,
            @Nullable String agency,
            List<String> documents,
            Set<String> forbidden,
            Set<String> canaries) {
        List<String> leaks = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        int[] failed = {0};
        long started = System.nanoTime();
        int refusedBefore = refusals;
        SecurityTests.as(user, role, agency, () -> {
            for (String document : documents) {
                var response = execute(document);
                // The auditor's own records (the audit trail) name what others saw: that is its job.
                if (role == UserRole.AUDITOR && document.contains("auditEvents")) {
                    continue;
                }
                if (response.data() == null) {
                    failed[0]++;
                }
                find(response.data(), "", forbidden, leaks, user, seen);
                response.errors().forEach(e -> find(e, "errors", forbidden, leaks, user, seen));
            }
            return null;
        });
        System.out.printf(
                "leak search as %s: %d documents (%d run again in halves), %d without data, %d distinct values seen, %d ms%n",
                user,
                documents.size(),
                refusals - refusedBefore,
                failed[0],
                seen.size(),
                (System.nanoTime() - started) / 1_000_000);
        assertThat(seen).as("what %s must see (the walk reached data)", user).containsAll(canaries);
        return leaks;
    }

    /** What a document answered: data (null when refused as a whole) and error messages. */
    private record Answer(@Nullable Object data, List<String> errors) {}

    /**
     * Runs a document; one the cost limit refuses is run again in halves, down to single calls
     * (the walk must reach every field, and a refusal shows nothing).
     */
    private Answer execute(String document) {
        List<String> calls = new ArrayList<>();
        for (String call : document.substring(2, document.length() - 2).split("(?= [a-z]\\w*_\\d+: )")) {
            if (!call.isBlank()) {
                calls.add(call.strip());
            }
        }
        return execute(calls);
    }

    private Answer execute(List<String> calls) {
        var response = graphQl.document("{ " + String.join(" ", calls) + " }")
                .execute()
                .returnResponse();
        List<String> errors = new ArrayList<>();
        response.getErrors().forEach(e -> errors.add(String.valueOf(e.getMessage())));
        boolean refused = response.getData() == null && errors.stream().anyMatch(e -> e.contains("complexity"));
        if (!refused) {
            return new Answer(response.getData(), errors);
        }
        if (calls.size() == 1) {
            unpriced.add(
                    calls.getFirst().substring(0, Math.min(80, calls.getFirst().length())));
            return new Answer(null, errors);
        }
        refusals++;
        Map<String, Object> data = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        int half = calls.size() / 2;
        for (List<String> part : List.of(calls.subList(0, half), calls.subList(half, calls.size()))) {
            Answer answer = execute(part);
            if (answer.data() instanceof Map<?, ?> map) {
                map.forEach((k, v) -> data.put(String.valueOf(k), v));
            }
            all.addAll(answer.errors());
        }
        return new Answer(data, all);
    }

    private static void find(
            @Nullable Object value,
            String path,
            Set<String> forbidden,
            List<String> leaks,
            String user,
            Set<String> seen) {
        switch (value) {
            case null -> {}
            case Map<?, ?> map -> map.forEach((k, v) -> find(v, path + "." + k, forbidden, leaks, user, seen));
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    find(list.get(i), path + "[" + i + "]", forbidden, leaks, user, seen);
                }
            }
            default -> {
                String text = String.valueOf(value);
                seen.add(text);
                for (String f : forbidden) {
                    if (text.equals(f) || (f.length() >= 4 && containsWord(text, f))) {
                        leaks.add(user + " saw \"" + f + "\" at " + path);
                    }
                }
            }
        }
    }

    private static boolean containsWord(String text, String word) {
        int at = text.indexOf(word);
        while (at >= 0) {
            boolean before = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + word.length();
            boolean after = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (before && after) {
                return true;
            }
            at = text.indexOf(word, at + 1);
        }
        return false;
    }

    // ---- generating the documents ----

    /** One or more documents per root query field: its bindings as aliases, its selection to DEPTH. */
    private List<String> documents() {
        List<String> out = new ArrayList<>();
        for (GraphQLFieldDefinition root : schema.getQueryType().getFieldDefinitions()) {
            if (root.getName().startsWith("__")) {
                continue;
            }
            List<String> rootBindings = bindings(root);
            if (!rootBindings.isEmpty()) {
                covered.add("Query." + root.getName());
            }
            List<String> calls = new ArrayList<>();
            for (String selection : selections(root.getType(), 1)) {
                for (String args : rootBindings) {
                    // A fragment on one type is only asked of ids of that type.
                    var on = FRAGMENT_ON.matcher(selection);
                    if (on.lookingAt() && !typesIn(args).stream().allMatch(on.group(1)::equals)) {
                        continue;
                    }
                    calls.add(root.getName() + "_" + calls.size() + ": " + root.getName() + args + selection);
                }
            }
            StringBuilder doc = new StringBuilder();
            int aliases = 0;
            for (String call : calls) {
                int inCall = 1 + (int) FRAGMENT_ALIAS.matcher(call).results().count();
                if (!doc.isEmpty() && (doc.length() + call.length() > MAX_DOCUMENT || aliases + inCall > MAX_ALIASES)) {
                    out.add("{ " + doc + " }");
                    doc.setLength(0);
                    aliases = 0;
                }
                doc.append(call).append(' ');
                aliases += inCall;
            }
            if (!doc.isEmpty()) {
                out.add("{ " + doc + " }");
            }
        }
        return out;
    }

    /**
     * The selection set of a type to {@link #DEPTH} in parts that each fit a document: the whole
     * when it fits, else one part per type behind an abstract type, per object field, and the leaf
     * fields together.
     */
    private List<String> selections(GraphQLType type, int depth) {
        String whole = selection(type, depth);
        GraphQLType inner = GraphQLTypeUtil.unwrapAll(type);
        boolean fits = whole.length() <= MAX_DOCUMENT - 300
                && FRAGMENT_ALIAS.matcher(whole).results().count() < MAX_ALIASES;
        if (fits || GraphQLTypeUtil.isLeaf(inner)) {
            return List.of(whole);
        }
        if (inner instanceof GraphQLObjectType object) {
            return split(object, depth, "");
        }
        List<String> out = new ArrayList<>();
        for (GraphQLObjectType object : possible(inner)) {
            out.addAll(split(object, depth, "... on " + object.getName()));
        }
        return out;
    }

    private List<String> split(GraphQLObjectType object, int depth, String fragment) {
        List<String> out = new ArrayList<>();
        StringBuilder leaves = new StringBuilder();
        for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
            boolean leaf = GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType()));
            List<String> bindings = bindings(field);
            if (bindings.isEmpty() || (!leaf && depth >= DEPTH)) {
                continue;
            }
            if (leaf) {
                leaves.append(' ')
                        .append(name(object, field, !fragment.isEmpty()))
                        .append(bindings.getFirst());
            } else {
                for (String sub : selections(field.getType(), depth + 1)) {
                    out.add(wrap(fragment, name(object, field, !fragment.isEmpty()) + bindings.getFirst() + sub));
                }
            }
        }
        out.add(wrap(fragment, leaves.toString()));
        return out;
    }

    /**
     * A field as selected: aliased by its type inside a fragment, where two types' fields of one
     * name may differ in type (Ad.city, Location.city) and may not share a response key.
     */
    private String name(GraphQLObjectType object, GraphQLFieldDefinition field, boolean inFragment) {
        return inFragment && conflicting().contains(field.getName())
                ? object.getName() + "_" + field.getName() + ": " + field.getName()
                : field.getName();
    }

    private @Nullable Set<String> conflicts;

    /** Field names that two object types give different types (only those need aliases). */
    private Set<String> conflicting() {
        if (conflicts == null) {
            Map<String, Set<String>> shapes = new HashMap<>();
            schema.getAllTypesAsList().stream()
                    .filter(t -> t instanceof GraphQLObjectType && !t.getName().startsWith("__"))
                    .forEach(t -> ((GraphQLObjectType) t)
                            .getFieldDefinitions()
                            .forEach(f -> shapes.computeIfAbsent(f.getName(), k -> new java.util.HashSet<>())
                                    .add(GraphQLTypeUtil.simplePrint(f.getType()))));
            conflicts = new java.util.HashSet<>();
            shapes.forEach((name, types) -> {
                if (types.size() > 1) {
                    conflicts.add(name);
                }
            });
        }
        return conflicts;
    }

    private static String wrap(String fragment, String fields) {
        return fragment.isEmpty()
                ? " { __typename " + fields + " }"
                : " { __typename " + fragment + " { __typename " + fields + " } }";
    }

    private List<GraphQLObjectType> possible(GraphQLType abstractType) {
        return abstractType instanceof GraphQLUnionType union
                ? union.getTypes().stream().map(GraphQLObjectType.class::cast).toList()
                : schema.getImplementations((GraphQLInterfaceType) abstractType);
    }

    /** The selection set of a type to {@link #DEPTH}, every field, fragments for abstract types. */
    private String selection(GraphQLType type, int depth) {
        GraphQLType inner = GraphQLTypeUtil.unwrapAll(type);
        if (GraphQLTypeUtil.isLeaf(inner)) {
            return "";
        }
        StringBuilder out = new StringBuilder(" { __typename");
        if (inner instanceof GraphQLObjectType object) {
            fields(object, depth, out, false);
        } else {
            for (GraphQLObjectType object : possible(inner)) {
                out.append(" ... on ").append(object.getName()).append(" {");
                fields(object, depth, out, true);
                out.append(" }");
            }
        }
        return out.append(" }").toString();
    }

    private void fields(GraphQLObjectType object, int depth, StringBuilder out, boolean inFragment) {
        for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
            boolean leaf = GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(field.getType()));
            if (!leaf && depth >= DEPTH) {
                continue;
            }
            List<String> bindings = bindings(field);
            if (bindings.isEmpty()) {
                continue;
            }
            covered.add(object.getName() + "." + field.getName());
            out.append(' ').append(name(object, field, inFragment)).append(bindings.getFirst());
            if (!leaf) {
                out.append(selection(field.getType(), depth + 1));
            }
        }
    }

    /** The argument lists to call a field with: every fixture value for each required argument. */
    private List<String> bindings(GraphQLFieldDefinition field) {
        List<GraphQLArgument> required = field.getArguments().stream()
                .filter(a -> a.getType() instanceof GraphQLNonNull && !a.hasSetDefaultValue())
                .toList();
        // Pages of a few: the fixtures are small, and the cost limit prices pages at their size.
        String small = field.getArguments().stream()
                .filter(a -> SMALL.contains(a.getName()))
                .map(a -> a.getName() + ": 3 ")
                .collect(java.util.stream.Collectors.joining());
        if (required.isEmpty()) {
            return List.of(small.isEmpty() ? "" : "(" + small + ")");
        }
        Map<String, List<String>> values = new HashMap<>();
        for (GraphQLArgument a : required) {
            List<String> v = valuesFor(a.getName());
            if (v.isEmpty()) {
                return List.of();
            }
            values.put(a.getName(), v);
        }
        // Pairs (from, to; platform, handle; city, state) go together; other arguments one by one.
        List<String> out = new ArrayList<>();
        int n = values.values().stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < n; i++) {
            StringBuilder args = new StringBuilder("(").append(small);
            for (GraphQLArgument a : required) {
                List<String> v = values.get(a.getName());
                args.append(a.getName())
                        .append(": ")
                        .append(v.get(i % v.size()))
                        .append(' ');
            }
            out.add(args.append(')').toString());
        }
        return out;
    }

    private List<String> valuesFor(String argument) {
        // One node of each type to start from, the ones most out of sight first (as the fixtures
        // load them: Ana's case, Ana, her phone, handle and email, John, the ads).
        List<String> ids = probes();
        return switch (argument) {
            case "caseNumber" -> quotedAll("MC-T-001", "MC-T-002", "MC-T-003");
            case "id" -> ids;
            case "from" -> ids;
            case "to" -> ids.reversed();
            case "number" -> quotedAll(Fixtures.ANA_PHONE, Fixtures.JOHN_PHONE, "+17035550100");
            case "address" -> quotedAll("ana.l@example.org", "jd@example.com");
            case "platform" -> quotedAll("instagram");
            case "handle" -> quotedAll("ana.l");
            case "adId" -> quotedAll("AD-1", "AD-2", "AD-3");
            case "hash" -> quotedAll(Fixtures.IMAGE);
            case "code" -> quotedAll("AGENCY-A", "AGENCY-B");
            case "city" -> quotedAll("Richmond", "Baltimore");
            case "state" -> quotedAll("VA", "MD");
            case "text" -> quotedAll("Ana", "Lopez", "John Doe", "JD", "Bea King", "Richmond", "MC-T-001", "new");
            default -> List.of();
        };
    }

    private static final java.util.regex.Pattern FRAGMENT_ON =
            java.util.regex.Pattern.compile(" \\{ __typename \\.\\.\\. on (\\w+) ");

    /** The types of the global ids among the arguments. */
    private Set<String> typesIn(String args) {
        Set<String> types = new java.util.HashSet<>();
        idOf.forEach((node, id) -> {
            if (args.contains("\"" + id + "\"")) {
                types.add(node.substring(0, node.indexOf(':')));
            }
        });
        return types;
    }

    private @Nullable List<String> probes;

    private List<String> probes() {
        if (probes == null) {
            Map<String, String> first = new LinkedHashMap<>();
            String ana = graph.read(
                            "MATCH (c:Child {childId: 'CH-1'}) RETURN c.uid AS uid",
                            Map.of(),
                            r -> r.get("uid").asString())
                    .getFirst();
            List<String> preferred = List.of(
                    "Case:MC-T-001",
                    "Child:" + ana,
                    "Phone:" + Fixtures.ANA_PHONE,
                    "Email:ana.l@example.org",
                    "Handle:instagram:ana.l",
                    "Ad:AD-2");
            preferred.forEach(k -> first.put(k.substring(0, k.indexOf(':')), idOf.get(k)));
            idOf.forEach((k, id) -> first.putIfAbsent(k.substring(0, k.indexOf(':')), id));
            probes = first.values().stream().map(LeakSearchTests::quoted).toList();
        }
        return probes;
    }

    private static List<String> quotedAll(String... values) {
        return java.util.Arrays.stream(values).map(LeakSearchTests::quoted).toList();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Every (type, field) pair reachable from {@code type} within DEPTH levels. */
    private void reach(GraphQLNamedType type, int depth, Set<String> out, Set<String> seen) {
        if (!seen.add(type.getName() + "@" + depth) || depth >= DEPTH + 1) {
            return;
        }
        List<GraphQLObjectType> objects = switch (type) {
            case GraphQLObjectType o -> List.of(o);
            case GraphQLInterfaceType i -> schema.getImplementations(i);
            case GraphQLUnionType u ->
                u.getTypes().stream().map(GraphQLObjectType.class::cast).toList();
            default -> List.of();
        };
        for (GraphQLFieldsContainer object : objects) {
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                GraphQLNamedType inner = (GraphQLNamedType) GraphQLTypeUtil.unwrapAll(field.getType());
                boolean leaf = GraphQLTypeUtil.isLeaf(inner);
                if ((leaf || depth < DEPTH) && !field.getName().startsWith("__")) {
                    out.add(object.getName() + "." + field.getName());
                }
                if (!leaf && depth < DEPTH) {
                    reach(inner, depth + 1, out, seen);
                }
            }
        }
    }
}
