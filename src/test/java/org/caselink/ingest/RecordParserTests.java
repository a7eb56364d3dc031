package org.caselink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.caselink.model.CaseType;
import org.caselink.model.Role;
import org.caselink.write.Records.AdRecord;
import org.caselink.write.Records.CaseRecord;
import org.caselink.write.Records.LinkRecord;
import org.caselink.write.Records.Origin;
import org.caselink.write.Rows.Contact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordParserTests {

    static final String CASE = """
            {"kind":"case","caseNumber":"MC-2021-000123","type":"MISSING_FROM_CARE","status":"OPEN",
             "reportedAt":"2021-03-04T10:00:00Z","agency":"VA-FCPD","state":"VA","summary":"synthetic",
             "source":"intake-call",
             "child":{"childId":"CH-88","firstName":"Ana","lastName":"Lopez","dob":"2005-02-01","sex":"F",
                      "phones":["(703) 555-0142"],"handles":[{"platform":"instagram","handle":"@ana.l"}]},
             "persons":[{"personId":"P-17","role":"SUSPECT","firstName":"John","lastName":"Doe",
                         "aliases":["JD"],"dob":"1990-01-01","phones":["703.555.0199"],
                         "emails":["JD@Example.com"],"handles":[{"platform":"telegram","handle":"jdoe"}]}],
             "phones":["+1 703 555 0100"],"emails":[],"locations":[{"city":"Richmond","state":"VA"}]}
            """.replace("\n", "");

    private final RecordParser parser = new RecordParser("US", "import:test.jsonl");

    @Test
    void readsAndNormalisesTheDocumentedCaseRecord() {
        var parsed = parser.parse(new Origin("test.jsonl", 1), CASE);
        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.warnings()).isEmpty();
        CaseRecord c = (CaseRecord) parsed.record();
        assertThat(c.caseNumber()).isEqualTo("MC-2021-000123");
        assertThat(c.type()).isEqualTo(CaseType.MISSING_FROM_CARE);
        assertThat(c.source()).isEqualTo("intake-call");
        assertThat(c.child().contacts())
                .containsExactly(Contact.phone("+17035550142"), Contact.handle("instagram", "ana.l"));
        assertThat(c.persons()).singleElement().satisfies(p -> {
            assertThat(p.role()).isEqualTo(Role.SUSPECT);
            assertThat(p.aliases()).containsExactly("JD");
            assertThat(p.contacts())
                    .containsExactly(
                            Contact.phone("+17035550199"),
                            Contact.email("jd@example.com"),
                            Contact.handle("telegram", "jdoe"));
        });
        assertThat(c.contacts()).containsExactly(Contact.phone("+17035550100"));
        assertThat(c.locations())
                .singleElement()
                .satisfies(l -> assertThat(l.city()).isEqualTo("Richmond"));
    }

    @Test
    void findsObfuscatedContactsInAnAdAndKeepsThemApartFromTheListedOnes() {
        var parsed = parser.parse(new Origin("t", 2), """
                {"kind":"ad","adId":"AD-1","site":"Example-Classifieds","url":"https://ads.example/1","postedAt":"2021-03-05T22:00:00Z",
                 "city":"Richmond","state":"VA","title":"new","body":"new in town call seven0three 5five5 O142 or jd at example dot com",
                 "phones":["703 555 0199"],"emails":[],"handles":[],"imageHashes":["A1B2C3D4E5F60718"]}
                """);
        AdRecord ad = (AdRecord) parsed.record();
        assertThat(ad.site()).isEqualTo("example-classifieds");
        assertThat(ad.contacts()).containsExactly(Contact.phone("+17035550199"));
        assertThat(ad.extracted()).containsExactly(Contact.phone("+17035550142"), Contact.email("jd@example.com"));
        assertThat(ad.imageHashes()).containsExactly("a1b2c3d4e5f60718");
    }

    @Test
    void readsALink() {
        var parsed = parser.parse(
                new Origin("t", 3),
                "{\"kind\":\"link\",\"from\":\"P-17\",\"to\":\"P-22\",\"type\":\"ASSOCIATED_WITH\",\"source\":\"interview\"}");
        assertThat(parsed.record())
                .isEqualTo(new LinkRecord(new Origin("t", 3), "P-17", "P-22", "ASSOCIATED_WITH", "interview"));
    }

    @Test
    void unknownFieldsAreWarningsNotErrors() {
        var parsed = parser.parse(new Origin("t", 4), CASE.replace("\"summary\"", "\"colour\":\"red\",\"summary\""));
        assertThat(parsed.record()).isNotNull();
        assertThat(parsed.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("colour");
            assertThat(w.key()).isEqualTo("MC-2021-000123");
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "\"type\":\"MISSING_FROM_CARE\"|\"type\":\"SHOPLIFTING\"|type",
                "\"status\":\"OPEN\",|\"status\":null,|status",
                "\"reportedAt\":\"2021-03-04T10:00:00Z\"|\"reportedAt\":\"yesterday\"|reportedAt",
                "\"dob\":\"2005-02-01\"|\"dob\":\"2005-02-30\"|child.dob",
                "(703) 555-0142|not a phone|child.phones[0]",
                "\"role\":\"SUSPECT\"|\"role\":\"BOSS\"|persons[0].role",
                "JD@Example.com|JD at nowhere|persons[0].emails[0]",
                "\"state\":\"VA\"}]|\"state\":\"Virginia\"}]|locations[0].state",
            })
    void aBadValueRejectsTheRecordNamingTheField(String good, String bad, String field) {
        assertThat(CASE).contains(good);
        var parsed = parser.parse(new Origin("f.jsonl", 7), CASE.replace(good, bad));
        assertThat(parsed.record()).isNull();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.origin()).isEqualTo(new Origin("f.jsonl", 7));
            assertThat(e.key()).isEqualTo("MC-2021-000123");
        });
    }

    @Test
    void aLineThatIsNotJsonOrHasNoKindIsRejected() {
        assertThat(parser.parse(new Origin("t", 1), "{not json").errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).startsWith("is not valid JSON"));
        assertThat(parser.parse(new Origin("t", 1), "{\"caseNumber\":\"X\"}").errors())
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("kind"));
    }
}
