package org.caselink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.model.EntityType;
import org.caselink.model.GlobalId;
import org.caselink.model.IdCodec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Issue 15 item 3: uids and global ids keyed by the deployment's secret, and the re-keying of
 * what earlier releases stored.
 */
@IntegrationTest
class IdKeysTests extends DatabaseProperties {

    private static final String RECORDS = """
            mutation { importRecords(records: [
              {kind: "case", caseNumber: "MC-LEG-1", type: "RUNAWAY", status: "OPEN",
               reportedAt: "2024-01-01T00:00:00Z", agency: "AGENCY-A",
               child: {childId: "CH-LEG", firstName: "Lia", lastName: "Gale", dob: "2010-03-04"},
               persons: [{personId: "P-LEG1", role: "SUSPECT", firstName: "Leo", lastName: "Grey"},
                         {role: "ASSOCIATE", firstName: "Dee", lastName: "Bee", dob: "1990-01-01"},
                         {role: "ASSOCIATE", firstName: "Nobody", lastName: "Known"}]}
            ]) { imported rejected } }
            """;

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    @Autowired
    Migrations migrations;

    @Autowired
    IdKeys idKeys;

    @Test
    void aGlobalIdTellsNothingAndOnlyTheKeyMakesOne() {
        String phone = "+17035550100";
        String id = GlobalId.of(EntityType.PHONE, phone);
        assertThat(GlobalId.parse(id)).contains(new GlobalId(EntityType.PHONE, phone));
        assertThat(GlobalId.of(EntityType.PHONE, phone)).as("stable").isEqualTo(id);
        assertThat(new String(Base64.getUrlDecoder().decode(id), StandardCharsets.ISO_8859_1))
                .doesNotContain("7035550100")
                .doesNotContain("Phone");
        // The readable ids of earlier releases, a tampered id and an id made with another key name nothing.
        String legacy = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("Phone:" + phone).getBytes(StandardCharsets.UTF_8));
        char[] tampered = id.toCharArray();
        tampered[20] = tampered[20] == 'A' ? 'B' : 'A';
        IdCodec other = new IdCodec("another-deployment-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        assertThat(GlobalId.parse(legacy)).isEmpty();
        assertThat(GlobalId.parse(new String(tampered))).isEmpty();
        assertThat(GlobalId.parse(other.encode(EntityType.PHONE, phone))).isEmpty();
        assertThat(other.uid("Child", "id:CH-1"))
                .isNotEqualTo(IdCodec.installed().uid("Child", "id:CH-1"));
    }

    @Test
    void aChildsUidCannotBeMadeFromItsNameAndBirthDate() {
        fixtures.clear();
        importRecords();
        String uid = graph.read(
                        "MATCH (c:Child {childId: 'CH-LEG'}) RETURN c.uid AS uid",
                        Map.of(),
                        r -> r.get("uid").asString())
                .getFirst();
        assertThat(uid)
                .isNotEqualTo(legacyUid("Child", "id:CH-LEG"))
                .isEqualTo(IdCodec.installed().uid("Child", "id:CH-LEG"));
        // A guessed id of the legacy form finds nothing.
        String guess = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("Child:" + legacyUid("Child", "id:CH-LEG")).getBytes(StandardCharsets.UTF_8));
        graphQl.document("{ node(id: \"" + guess + "\") { id } }")
                .execute()
                .path("node")
                .valueIsNull();
    }

    /**
     * What an earlier release stored (name-based uids, alert paths of readable ids) is re-keyed
     * once; the old uid stays as {@code legacyUid}; importing the same records again finds every
     * individual, the one known only by case and name included.
     */
    @Test
    void storedIdsOfAnEarlierReleaseAreRekeyedAndStillFoundByImports() {
        fixtures.clear();
        importRecords();
        // Turn the graph back into what the earlier release wrote.
        var nodes = graph.read("""
                MATCH (n:Person|Child)-[]->(:Case {caseNumber: 'MC-LEG-1'})
                RETURN DISTINCT labels(n)[0] AS label, n.uid AS uid, coalesce(n.personId, n.childId) AS ext,
                       n.nameKey AS nameKey, toString(n.dob) AS dob, n.firstName AS first, n.lastName AS last
                """, Map.of(), r -> r);
        assertThat(nodes).hasSize(4);
        Map<String, String> legacyByUid = new java.util.HashMap<>();
        // What the re-keying gives each node: the keyed uid of the identity the earlier release
        // used (a name and date of birth for a child without an id, which an import of this release
        // no longer merges on: it finds that node again through its case).
        java.util.Set<String> rekeyed = new java.util.HashSet<>();
        for (var n : nodes) {
            String label = n.get("label").asString();
            String identity = !n.get("ext").isNull()
                    ? "id:" + n.get("ext").asString()
                    : !n.get("dob").isNull()
                            ? "name:" + n.get("nameKey").asString() + "|"
                                    + n.get("dob").asString()
                            : "anon:MC-LEG-1|" + n.get("nameKey").asString() + "|"
                                    + n.get("first").asString() + "|"
                                    + n.get("last").asString();
            legacyByUid.put(n.get("uid").asString(), legacyUid(label, identity));
            rekeyed.add(IdCodec.installed().uid(label, identity));
        }
        graph.write(
                "UNWIND keys($m) AS uid MATCH (n {uid: uid}) SET n.uid = $m[uid] REMOVE n.legacyUid",
                Map.of("m", legacyByUid),
                r -> r);
        String p1Legacy = graph.read(
                        "MATCH (p:Person {personId: 'P-LEG1'}) RETURN p.uid AS uid",
                        Map.of(),
                        r -> r.get("uid").asString())
                .getFirst();
        List<String> legacyPath = List.of(legacyId("Case:MC-LEG-1"), legacyId("Person:" + p1Legacy));
        graph.write(
                "CREATE (:Alert {id: 'AL-LEG', key: 'AL-LEG', status: 'OPEN', pathNodes: $path})",
                Map.of("path", legacyPath),
                r -> r);
        graph.write("MATCH (k:__IdKey) REMOVE k.scheme", Map.of(), r -> r);

        idKeys.afterPropertiesSet();

        var after = graph.read(
                "MATCH (n:Person|Child)-[]->(:Case {caseNumber: 'MC-LEG-1'})"
                        + " RETURN DISTINCT n.uid AS uid, n.legacyUid AS legacy",
                Map.of(),
                r -> List.of(r.get("uid").asString(), r.get("legacy").asString()));
        assertThat(after).hasSize(4);
        assertThat(after).allSatisfy(pair -> {
            assertThat(legacyByUid).containsValue(pair.get(1));
            assertThat(pair.get(0)).isNotEqualTo(pair.get(1));
        });
        assertThat(after.stream().map(List::getFirst)).containsExactlyInAnyOrderElementsOf(rekeyed);
        String p1 = graph.read(
                        "MATCH (p:Person {personId: 'P-LEG1'}) RETURN p.uid AS uid",
                        Map.of(),
                        r -> r.get("uid").asString())
                .getFirst();
        List<String> path = graph.read(
                        "MATCH (a:Alert {id: 'AL-LEG'}) RETURN a.pathNodes AS p",
                        Map.of(),
                        r -> r.get("p").asList(org.neo4j.driver.Value::asString))
                .getFirst();
        assertThat(path.stream().map(id -> GlobalId.parse(id).orElseThrow()))
                .containsExactly(new GlobalId(EntityType.CASE, "MC-LEG-1"), new GlobalId(EntityType.PERSON, p1));

        long before = count();
        importRecords();
        assertThat(count()).as("no individual made twice").isEqualTo(before);
        graph.write("MATCH (a:Alert {id: 'AL-LEG'}) DELETE a", Map.of(), r -> r);
    }

    /**
     * The default (no key configured): the first start makes a key and keeps it in the graph, a
     * second start uses that one, and a configured key that is not it is refused. (Every other
     * test runs with the key the build configures.)
     */
    @Test
    void withoutAConfiguredKeyTheFirstStartKeepsOneInTheGraphAndLaterStartsUseIt() {
        fixtures.clear();
        String configured = System.getProperty("caselink.ids.key");
        graph.write("MATCH (k:__IdKey) DELETE k", Map.of(), r -> r);
        try {
            new IdKeys(graph, migrations, new IdsProperties("")).afterPropertiesSet();
            var stored = graph.read(
                            "MATCH (k:__IdKey) RETURN k.secret AS secret, k.fingerprint AS fingerprint, k.scheme AS scheme",
                            Map.of(),
                            r -> r)
                    .getFirst();
            assertThat(stored.get("secret").asString()).hasSizeGreaterThanOrEqualTo(32);
            assertThat(stored.get("fingerprint").asString())
                    .isEqualTo(IdCodec.installed().fingerprint());
            assertThat(stored.get("scheme").asInt()).isEqualTo(IdKeys.SCHEME);
            String id = GlobalId.of(EntityType.CASE, "MC-1");

            new IdKeys(graph, migrations, new IdsProperties("")).afterPropertiesSet();
            assertThat(GlobalId.of(EntityType.CASE, "MC-1"))
                    .as("the same key again")
                    .isEqualTo(id);
            assertThatThrownBy(() -> new IdKeys(graph, migrations, new IdsProperties(configured)).afterPropertiesSet())
                    .hasMessageContaining("is not the key this database's ids were made with");
        } finally {
            graph.write("MATCH (k:__IdKey) DELETE k", Map.of(), r -> r);
            new IdKeys(graph, migrations, new IdsProperties(configured)).afterPropertiesSet();
        }
    }

    @Test
    void aStartWithAnotherKeyIsRefusedAndTheKeyInUseStays() {
        String id = GlobalId.of(EntityType.CASE, "MC-1");
        IdKeys wrong = new IdKeys(graph, migrations, new IdsProperties("not-the-key-of-this-database-0123456789"));
        assertThatThrownBy(wrong::afterPropertiesSet)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not the key this database's ids were made with");
        assertThat(GlobalId.parse(id)).contains(new GlobalId(EntityType.CASE, "MC-1"));
    }

    private void importRecords() {
        graphQl.document(RECORDS)
                .execute()
                .path("importRecords.imported")
                .entity(Integer.class)
                .isEqualTo(1);
    }

    private long count() {
        return graph.read(
                        "MATCH (n:Person|Child) RETURN count(n) AS n",
                        Map.of(),
                        r -> r.get("n").asLong())
                .getFirst();
    }

    private static String legacyUid(String label, String identity) {
        return UUID.nameUUIDFromBytes((label + ":" + identity).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String legacyId(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
