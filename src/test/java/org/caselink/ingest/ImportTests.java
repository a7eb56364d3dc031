package org.caselink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caselink.DatabaseProperties;
import org.caselink.Fixtures;
import org.caselink.IntegrationTest;
import org.caselink.db.Graph;
import org.caselink.write.Records.Problem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/** The pipeline through each front door: good records land beside bad ones, and a second run changes nothing. */
@IntegrationTest
class ImportTests extends DatabaseProperties {

    static final String GOOD_CASE = RecordParserTests.CASE;
    static final String AD_1 = """
            {"kind":"ad","adId":"AD-1","site":"example-classifieds","postedAt":"2021-03-05T22:00:00Z","city":"Richmond","state":"VA",
             "title":"new in town","body":"sweet new girl in town this week call seven0three 5five5 O142 now","imageHashes":["a1b2c3d4e5f60718"]}
            """.replace("\n", "");
    static final String AD_2 = """
            {"kind":"ad","adId":"AD-2","site":"example-classifieds","postedAt":"2021-03-20T22:00:00Z","city":"Norfolk","state":"VA",
             "title":"new in town","body":"sweet new girl in town this week call 703 555 0199 now","imageHashes":["a1b2c3d4e5f60719"]}
            """.replace("\n", "");
    static final String SECOND_CASE = GOOD_CASE
            .replace("MC-2021-000123", "MC-2021-000456")
            .replace("\"P-17\"", "\"P-18\"")
            .replace("\"Doe\"", "\"Doe\"")
            .replace("\"CH-88\"", "\"CH-89\"")
            .replace("\"Ana\"", "\"Bea\"")
            .replace("\"dob\":\"1990-01-01\"", "\"dob\":\"1990-01-01\"")
            .replace("\"John\"", "\"Jon\"");
    static final String LINK =
            "{\"kind\":\"link\",\"from\":\"P-17\",\"to\":\"P-18\",\"type\":\"ASSOCIATED_WITH\",\"source\":\"interview\"}";

    @Autowired
    Importer importer;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Graph graph;

    @Autowired
    GraphQlTester graphQl;

    @LocalServerPort
    int port;

    @BeforeEach
    void empty() {
        fixtures.clear();
    }

    private record Run(Importer.Summary summary, List<Problem> errors, List<Problem> warnings) {}

    private Run run(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        var summary = importer.run(
                List.of(ImportSource.of(
                        name, bytes.length, name.endsWith(".csv"), () -> new java.io.ByteArrayInputStream(bytes))),
                new Importer.Listener() {
                    @Override
                    public void error(Problem p) {
                        errors.add(p);
                    }

                    @Override
                    public void warning(Problem p) {
                        warnings.add(p);
                    }
                });
        return new Run(summary, errors, warnings);
    }

    private long count(String cypher) {
        return graph.read(cypher, Map.of(), r -> r.get(0).asLong()).getFirst();
    }

    /** A link record may come before the records of the people it links: it waits for the end of the import. */
    @Test
    void aLinkMayNamePeopleWhoseRecordsComeLater() {
        String one = GOOD_CASE
                .replace("MC-2021-000123", "MC-2021-000717")
                .replace("\"P-17\"", "\"P-717\"")
                .replace("\"CH-88\"", "\"CH-717\"");
        String two = SECOND_CASE
                .replace("MC-2021-000456", "MC-2021-000718")
                .replace("\"P-18\"", "\"P-718\"")
                .replace("\"CH-89\"", "\"CH-718\"");
        String link = LINK.replace("P-17", "P-717").replace("P-18", "P-718");
        Run run = run("forward.jsonl", String.join("\n", link, one, two, ""));
        assertThat(run.errors()).isEmpty();
        assertThat(run.summary().imported()).isEqualTo(3);
        assertThat(count("MATCH (:Person {personId: 'P-717'})-[r:ASSOCIATED_WITH]-(:Person {personId: 'P-718'})"
                        + " RETURN count(r)"))
                .isEqualTo(1);
    }

    @Test
    void goodRecordsLandBesideBadOnesAndASecondRunCreatesNothing() {
        String file = String.join(
                "\n",
                GOOD_CASE,
                "{broken",
                AD_1,
                GOOD_CASE.replace("\"OPEN\"", "\"LOST\"").replace("000123", "000999"),
                AD_2,
                SECOND_CASE,
                LINK,
                "{\"kind\":\"link\",\"from\":\"P-17\",\"to\":\"P-404\",\"type\":\"ASSOCIATED_WITH\"}",
                "");
        Run first = run("mixed.jsonl", file);
        assertThat(first.summary().read()).isEqualTo(8);
        assertThat(first.summary().imported()).isEqualTo(5);
        assertThat(first.summary().rejected()).isEqualTo(3);
        assertThat(first.errors())
                .extracting(p -> p.origin().line() + " " + p.field())
                .containsExactly("2 record", "4 status", "8 to");
        assertThat(first.errors().get(1).key()).isEqualTo("MC-2021-000999");
        assertThat(first.errors().get(2).reason())
                .isEqualTo("no person with personId P-404 in the graph or anywhere in the import");
        assertThat(first.summary().nodesCreated()).isPositive();

        long nodes = count("MATCH (n) RETURN count(n)");
        long rels = count("MATCH ()-[r]->() RETURN count(r)");
        Run second = run("mixed.jsonl", file);
        assertThat(second.summary().nodesCreated()).isZero();
        assertThat(second.summary().relationshipsCreated()).isZero();
        assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(rels);
    }

    @Test
    void linksAdsThroughSharedAndNearDuplicateDetails() {
        run("ads.jsonl", String.join("\n", GOOD_CASE, AD_1, AD_2));
        // The obfuscated number in AD-1 is the child's phone from the case record.
        assertThat(
                        count(
                                "MATCH (:Ad {adId: 'AD-1'})-[r:LISTS]->(:Phone {e164: '+17035550142'})<-[:USES]-(:Child {childId: 'CH-88'}) RETURN count(r)"))
                .isEqualTo(1);
        // One bit apart: similar images. Same wording: similar text.
        assertThat(
                        count(
                                "MATCH (:Image {hash: 'a1b2c3d4e5f60718'})-[r:SIMILAR_IMAGE {distance: 1}]-(:Image {hash: 'a1b2c3d4e5f60719'}) RETURN count(r)"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "MATCH (:Ad {adId: 'AD-1'})-[r:SIMILAR_TEXT]-(:Ad {adId: 'AD-2'}) WHERE r.jaccard >= 0.6 RETURN count(r)"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "MATCH (:Ad {adId: 'AD-1'})-[r:SIMILAR_TEXT|SIMILAR_IMAGE]-() WHERE r.source IS NULL OR r.ingestedAt IS NULL RETURN count(r)"))
                .isZero();
    }

    @Test
    void proposesPossibleIdentitiesAndRecordsTheAnalystsDecision() {
        run("people.jsonl", String.join("\n", GOOD_CASE, SECOND_CASE));
        // John Doe (P-17) and Jon Doe (P-18), same alias and phone: proposed, not merged.
        assertThat(count("MATCH (p:Person) RETURN count(p)")).isEqualTo(2);
        var proposals = graphQl.documentName("identity")
                .operationName("identityProposals")
                .execute();
        proposals
                .path("identityProposals[*].people[*].personId")
                .entityList(String.class)
                .contains("P-17", "P-18")
                .hasSize(2);
        assertThat(proposals
                        .path("identityProposals[0].score")
                        .entity(Double.class)
                        .get())
                .isGreaterThanOrEqualTo(0.85);
        proposals
                .path("identityProposals[0].rule")
                .entity(String.class)
                .satisfies(rule -> assertThat(rule).contains("shared contact"));
        String id =
                proposals.path("identityProposals[0].id").entity(String.class).get();

        var rejected = graphQl.documentName("identity")
                .operationName("decideIdentity")
                .variable("id", id)
                .variable("decision", "REJECT")
                .variable("reason", "different people: brothers")
                .execute();
        rejected.path("decideIdentity.status").entity(String.class).isEqualTo("REJECTED");
        rejected.path("decideIdentity.reason").entity(String.class).isEqualTo("different people: brothers");
        var reopened = graphQl.documentName("identity")
                .operationName("decideIdentity")
                .variable("id", id)
                .variable("decision", "CONFIRM")
                .variable("reason", "same passport")
                .execute();
        reopened.path("decideIdentity.status").entity(String.class).isEqualTo("CONFIRMED");
        reopened.path("decideIdentity.history").entityList(String.class).hasSize(2);
        // Issue 15 item 11: decisions were stored as made by "unauthenticated"; now by the signed-in user.
        reopened.path("decideIdentity.decidedBy").entity(String.class).isEqualTo(org.caselink.Fixtures.TEST_USER);
        reopened.path("decideIdentity.history")
                .entityList(String.class)
                .satisfies(h -> assertThat(h)
                        .allSatisfy(e -> assertThat(e).contains(" by " + org.caselink.Fixtures.TEST_USER + ": ")));
        // A proposal is a Node: node(id) finds it, decided or not.
        graphQl.document("query($id: ID!) { node(id: $id) { __typename ... on IdentityProposal { status } } }")
                .variable("id", id)
                .execute()
                .path("node.__typename")
                .entity(String.class)
                .isEqualTo("IdentityProposal")
                .path("node.status")
                .entity(String.class)
                .isEqualTo("CONFIRMED");
        // The same decision through identityDecide (input object, payload), which replaces decideIdentity.
        graphQl.document("mutation($id: ID!) { identityDecide(input: {id: $id, decision: REJECT,"
                        + " reason: \"different people after all\"}) { proposal { status reason history } } }")
                .variable("id", id)
                .execute()
                .path("identityDecide.proposal.status")
                .entity(String.class)
                .isEqualTo("REJECTED")
                .path("identityDecide.proposal.history")
                .entityList(String.class)
                .hasSize(3);

        // A rejected or confirmed proposal is not proposed again by a later import.
        run("people.jsonl", String.join("\n", GOOD_CASE, SECOND_CASE));
        graphQl.documentName("identity")
                .operationName("identityProposals")
                .execute()
                .path("identityProposals")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void aSharedNameAloneIsNotAProposalButANameWithTheSameDateOfBirthIs() {
        // Seth Barlow, suspect in three cases, no id and no contact: two of the records give the same
        // date of birth (proposed as one, never merged), the third none (a name alone is weak
        // evidence: not proposed); his namesake with another first name is not proposed either.
        java.util.function.BiFunction<String, String, String> suspect = (caseNumber, person) -> GOOD_CASE
                .replace("MC-2021-000123", caseNumber)
                .replaceFirst("\"persons\":\\[.*?\\}\\]\\}\\]", "\"persons\":[" + person + "]");
        String seth = "{\"role\":\"SUSPECT\",\"firstName\":\"Seth\",\"lastName\":\"Barlow\",\"dob\":\"1988-04-02\"}";
        Run r = run(
                "names.jsonl",
                String.join(
                        "\n",
                        suspect.apply("NB-1", seth),
                        suspect.apply("NB-2", seth),
                        suspect.apply("NB-3", seth.replace(",\"dob\":\"1988-04-02\"", "")),
                        suspect.apply("NB-4", seth.replace("Seth", "Kyle"))));
        assertThat(r.errors()).isEmpty();
        assertThat(count("MATCH (p:Person {lastName: 'Barlow'}) RETURN count(p)"))
                .isEqualTo(4);
        assertThat(count(
                        "MATCH (a:Person {firstName: 'Seth'})-[r:POSSIBLE_SAME_AS {status: 'PROPOSED'}]-(b:Person {firstName: 'Seth'})"
                                + " WHERE a.dob IS NOT NULL AND b.dob IS NOT NULL AND r.rule CONTAINS 'same date of birth'"
                                + " RETURN count(DISTINCT r)"))
                .isEqualTo(1);
        assertThat(
                        count(
                                "MATCH (p:Person {firstName: 'Seth'})-[r:POSSIBLE_SAME_AS]-() WHERE p.dob IS NULL RETURN count(r)"))
                .isZero();
        assertThat(count("MATCH (:Person {firstName: 'Kyle'})-[r:POSSIBLE_SAME_AS]-() RETURN count(r)"))
                .isZero();
    }

    @Test
    void acceptsAdsAsCsv() {
        String csv = """
                adId,site,postedAt,city,state,title,body,phones,emails,handles,imageHashes
                AD-C1,example-classifieds,2021-03-05T22:00:00Z,Richmond,VA,new,"call 703.555.0142, ask for ana",703 555 0199;(202) 555-0111,jd@example.com,telegram:@JDoe,a1b2c3d4e5f60718
                AD-C2,example-classifieds,not-a-date,Richmond,VA,new,hello,,,,
                """;
        Run r = run("ads.csv", csv);
        assertThat(r.summary().imported()).isEqualTo(1);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin().line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("postedAt");
        });
        assertThat(count("MATCH (:Ad {adId: 'AD-C1'})-[:LISTS]->(x) RETURN count(DISTINCT x)"))
                .isEqualTo(5);
    }

    /**
     * A CSV row the reader refuses is one rejected record, and the rows after it still land; a
     * field without its closing quote cannot swallow the rest of the file: past 1 MiB it ends the
     * file, reported on its row, and memory stays bounded.
     */
    @Test
    void aBrokenCsvRowIsRejectedAndAnUnclosedQuoteEndsTheFileWithAReport() {
        String header = "adId,site,postedAt,city,state,title\n";
        String good = "AD-K%d,example-classifieds,2021-03-05T22:00:00Z,Richmond,VA,new\n";
        String csv = header
                + good.formatted(1)
                + "AD-K2,example-classifieds,2021-03-05T22:00:00Z,Richmond,VA,new,one,too,many\n"
                + good.formatted(3)
                + "AD-K4,example-classifieds,2021-03-05T22:00:00Z,Richmond,VA,\"never closed "
                + "x".repeat(2 << 20) + "\n"
                + good.formatted(5);
        Run r = run("ads.csv", csv);
        assertThat(r.summary().imported()).as(r.errors().toString()).isEqualTo(2);
        assertThat(count("MATCH (a:Ad) WHERE a.adId IN ['AD-K1', 'AD-K3'] RETURN count(a)"))
                .isEqualTo(2);
        assertThat(r.errors()).hasSize(2);
        assertThat(r.errors().get(0).origin().line()).isEqualTo(3);
        assertThat(r.errors().get(0).reason()).contains("is not a CSV row");
        assertThat(r.errors().get(1).origin().line()).isEqualTo(5);
        assertThat(r.errors().get(1).reason())
                .contains("longer than 1,048,576 characters")
                .contains("not read beyond it");
        // A header alone is no error: nothing to import. A file without even that is reported.
        Run nothing = run("header.csv", header);
        assertThat(nothing.summary().imported()).isZero();
        assertThat(nothing.errors()).isEmpty();
        assertThat(run("empty.csv", "").errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("is not a header row"));
    }

    /**
     * A row refused twice over (too many fields, then a stray quote in them) is one rejected record;
     * a quote left open at the end of the file says that the rows after it were lost in it; a header
     * of a hundred columns is refused before any row is read.
     */
    @Test
    void csvRefusalsAreCountedOnceAndSayWhatTheyCost() {
        String header = "adId,site,postedAt,city,state,title\n";
        String good = "AD-Q%d,example-classifieds,2021-03-05T22:00:00Z,Richmond,VA,new\n";
        Run twice = run(
                "ads.csv",
                header + "AD-Q1,example-classifieds,2021-03-05T22:00:00Z,Richmond,VA,new,one,\"x\"y\n"
                        + good.formatted(2));
        assertThat(twice.errors())
                .as(twice.errors().toString())
                .singleElement()
                .satisfies(e -> assertThat(e.origin().line()).isEqualTo(2));
        assertThat(twice.summary().imported()).isEqualTo(1);

        Run open = run(
                "ads.csv",
                header + good.formatted(3) + "AD-Q4,example-classifieds,2021-03-05T22:00:00Z,Richmond,VA,\"open\n"
                        + good.formatted(5));
        assertThat(open.summary().imported()).isEqualTo(1);
        assertThat(open.errors()).as(open.errors().toString()).singleElement().satisfies(e -> {
            assertThat(e.origin().line()).isEqualTo(3);
            assertThat(e.reason()).contains("never closed");
        });

        StringBuilder wide = new StringBuilder("adId");
        for (int i = 0; i < 100; i++) {
            wide.append(",c").append(i);
        }
        Run columns = run("ads.csv", wide + "\n" + good.formatted(6));
        assertThat(columns.summary().imported()).isZero();
        assertThat(columns.errors()).singleElement().satisfies(e -> {
            assertThat(e.origin().line()).isEqualTo(1);
            assertThat(e.reason()).contains("101 columns").contains("at most 64");
        });
    }

    @Test
    void theGraphQlDoorRunsTheSamePipeline() {
        JsonMapper json = JsonMapper.builder().build();
        List<Object> records = List.of(json.readValue(GOOD_CASE, Map.class), Map.of("kind", "ad", "adId", "AD-Q"));
        var r = graphQl.documentName("importRecords")
                .variable("records", records)
                .execute();
        r.path("importRecords.imported").entity(Integer.class).isEqualTo(1);
        r.path("importRecords.rejected").entity(Integer.class).isEqualTo(1);
        r.path("importRecords.errors[0].line").entity(Integer.class).isEqualTo(2);
        r.path("importRecords.errors[0].field").entity(String.class).isEqualTo("site");
        r.path("importRecords.errors[0].key").entity(String.class).isEqualTo("AD-Q");
    }

    @Test
    void typedRecordsRunTheSamePipelineAndABadOneLeavesTheOthersToLand() {
        JsonMapper json = JsonMapper.builder().build();
        // The same case as the JSON door's, typed: its fields under `case`, without `kind`.
        Map<String, Object> kase = new java.util.LinkedHashMap<>(json.readValue(GOOD_CASE, Map.class));
        kase.remove("kind");
        Map<String, Object> second = new java.util.LinkedHashMap<>(json.readValue(SECOND_CASE, Map.class));
        second.remove("kind");
        Map<String, Object> ad = new java.util.LinkedHashMap<>(json.readValue(AD_1, Map.class));
        ad.remove("kind");
        ad.put("postedAt", "soon"); // a value only the import can check: this record alone is refused
        List<Object> records = List.of(
                Map.of("case", kase),
                Map.of("ad", ad),
                Map.of("link", Map.of("from", "P-17", "to", "P-18", "type", "ASSOCIATED_WITH")),
                Map.of("case", second));
        var r = graphQl.documentName("recordsImport")
                .variable("input", Map.of("records", records))
                .execute();
        r.path("recordsImport.report.read").entity(Integer.class).isEqualTo(4);
        r.path("recordsImport.report.rejected").entity(Integer.class).isEqualTo(1);
        r.path("recordsImport.report.errors[0].line").entity(Integer.class).isEqualTo(2);
        r.path("recordsImport.report.errors[0].field").entity(String.class).isEqualTo("postedAt");
        r.path("recordsImport.report.errors[0].key").entity(String.class).isEqualTo("AD-1");
        assertThat(count("MATCH (c:Case {caseNumber: 'MC-2021-000123'}) RETURN count(c)"))
                .isEqualTo(1);
        assertThat(count("MATCH (:Person {personId: 'P-17'})-[l:ASSOCIATED_WITH]-(:Person {personId: 'P-18'})"
                        + " RETURN count(l)"))
                .isEqualTo(1);

        // Again: nothing new. And a record that is two kinds at once never reaches the import.
        graphQl.documentName("recordsImport")
                .variable("input", Map.of("records", records))
                .execute()
                .path("recordsImport.report.nodesCreated")
                .entity(Integer.class)
                .isEqualTo(0);
        graphQl.documentName("recordsImport")
                .variable("input", Map.of("records", List.of(Map.of("case", kase, "ad", ad))))
                .execute()
                .errors()
                .expect(e -> e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("oneof"))
                .verify();
    }

    @Test
    void theUploadDoorRunsTheSamePipeline() throws Exception {
        String boundary = "caselinkBoundary";
        String body =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"upload.jsonl\"\r\n"
                        + "Content-Type: application/x-ndjson\r\n\r\n" + GOOD_CASE + "\n" + AD_1
                        + "\n{\"kind\":\"case\"}\n\r\n--" + boundary + "--\r\n";
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/import"))
                                .header("Authorization", org.caselink.HttpApi.authorization())
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .header("X-Caselink-Client", "test")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var report = JsonMapper.builder().build().readTree(response.body());
        assertThat(report.path("imported").asInt()).isEqualTo(2);
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
        assertThat(report.path("errors").get(0).path("file").asString()).isEqualTo("upload.jsonl");
        assertThat(report.path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(report.path("errors").get(0).path("field").asString()).isEqualTo("caseNumber");
    }
}
