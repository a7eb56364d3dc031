package org.caselink;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.caselink.db.Graph;
import org.caselink.model.CaseStatus;
import org.caselink.model.CaseType;
import org.caselink.model.EntityType;
import org.caselink.model.Role;
import org.caselink.security.Access;
import org.caselink.write.GraphWriter;
import org.caselink.write.Provenance;
import org.caselink.write.Rows.AdRow;
import org.caselink.write.Rows.AssociationRow;
import org.caselink.write.Rows.CaseRow;
import org.caselink.write.Rows.ChildRow;
import org.caselink.write.Rows.Contact;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Rows.PersonRow;
import org.caselink.write.Rows.PlaceRow;
import org.springframework.stereotype.Component;

/**
 * A small hand-built graph whose every fact the tests know (all synthetic):
 * <pre>
 * MC-T-001 RUNAWAY OPEN 2024-01-10 VA AGENCY-A   child Ana Lopez (CH-1), suspect John Doe (P-17), mentions +17035550100, last seen Richmond VA
 * MC-T-002 MISSING_FROM_CARE OPEN 2024-02-10 MD AGENCY-B   child Bea King (CH-2), associate John Doe (P-17)
 * MC-T-003 CST_TIP RECOVERED 2023-05-01 VA AGENCY-A   child Ana Lopez again (CH-1): a repeat runaway
 * Ana uses +17035550142, instagram:ana.l and ana.l@example.org; John uses +17035550199 and jd@example.com; John is associated with Mike Roe (P-22)
 * AD-1 2024-01-12 Richmond VA lists +17035550199, shows a1b2c3d4e5f60718
 * AD-2 2024-01-15 Baltimore MD lists +17035550199 and Ana's +17035550142, shows a1b2c3d4e5f60718
 * AD-3 2024-01-15 Baltimore MD lists jd@example.com (same time as AD-2: the tie is broken by ad id)
 * </pre>
 */
@Component
public class Fixtures {

    public static final String ANA_PHONE = "+17035550142";
    public static final String JOHN_PHONE = "+17035550199";
    public static final String IMAGE = "a1b2c3d4e5f60718";

    /** The user tests run as unless they say otherwise (see IntegrationTest): an analyst. */
    public static final String TEST_USER = "test-analyst";

    private final Graph graph;
    private final GraphWriter writer;
    private final Access access;

    Fixtures(Graph graph, GraphWriter writer, Access access) {
        this.graph = graph;
        this.writer = writer;
        this.access = access;
    }

    /**
     * Removes every node but the migration records and the audit trail (append-only: the embedded
     * database refuses to delete its events, and the chain needs its head).
     */
    public void clear() {
        graph.write(
                "MATCH (n) WHERE NOT n:__Migration AND NOT n:__IdKey AND NOT n:AuditEvent AND NOT n:AuditHead DETACH DELETE n",
                Map.of(),
                r -> r);
        access.invalidate();
    }

    /**
     * Assigns cases to a user (who then has need-to-know of their children), as an ADMIN's
     * assignCase would, and forgets cached scopes.
     */
    public void assign(String user, String... caseNumbers) {
        graph.write(
                "UNWIND $cases AS n MATCH (c:Case {caseNumber: n}) MERGE (u:User {name: $user})"
                        + " MERGE (u)-[:ASSIGNED_TO]->(c)",
                Map.of("cases", List.of(caseNumbers), "user", user),
                r -> r);
        access.invalidate();
    }

    /** Shares a case with an agency, as an ADMIN's shareCase would, and forgets cached scopes. */
    public void share(String caseNumber, String agency) {
        graph.write(
                "MATCH (c:Case {caseNumber: $n}) MERGE (a:Agency {code: $agency}) MERGE (c)-[:SHARED_WITH]->(a)",
                Map.of("n", caseNumber, "agency", agency),
                r -> r);
        access.invalidate();
    }

    public void load() {
        clear();
        graph.inWriteTransaction(tx -> {
            writer.cases(
                    tx,
                    List.of(
                            kase(
                                    "MC-T-001",
                                    CaseType.RUNAWAY,
                                    CaseStatus.OPEN,
                                    "2024-01-10T10:00:00Z",
                                    "AGENCY-A",
                                    "VA"),
                            kase(
                                    "MC-T-002",
                                    CaseType.MISSING_FROM_CARE,
                                    CaseStatus.OPEN,
                                    "2024-02-10T10:00:00Z",
                                    "AGENCY-B",
                                    "MD"),
                            kase(
                                    "MC-T-003",
                                    CaseType.CST_TIP,
                                    CaseStatus.RECOVERED,
                                    "2023-05-01T10:00:00Z",
                                    "AGENCY-A",
                                    "VA")));
            List<String> children = writer.children(
                    tx,
                    List.of(
                            new ChildRow(
                                    "MC-T-001",
                                    null,
                                    "CH-1",
                                    "Ana",
                                    "Lopez",
                                    LocalDate.parse("2008-02-01"),
                                    "F",
                                    ev("MC-T-001")),
                            new ChildRow(
                                    "MC-T-002",
                                    null,
                                    "CH-2",
                                    "Bea",
                                    "King",
                                    LocalDate.parse("2009-06-15"),
                                    "F",
                                    ev("MC-T-002")),
                            new ChildRow(
                                    "MC-T-003",
                                    null,
                                    "CH-1",
                                    "Ana",
                                    "Lopez",
                                    LocalDate.parse("2008-02-01"),
                                    "F",
                                    ev("MC-T-003"))));
            List<String> people = writer.persons(
                    tx,
                    List.of(
                            new PersonRow(
                                    "MC-T-001",
                                    Role.SUSPECT,
                                    null,
                                    "P-17",
                                    "John",
                                    "Doe",
                                    List.of("JD"),
                                    LocalDate.parse("1990-01-01"),
                                    ev("MC-T-001")),
                            new PersonRow(
                                    "MC-T-002",
                                    Role.ASSOCIATE,
                                    null,
                                    "P-17",
                                    "John",
                                    "Doe",
                                    List.of("Johnny D"),
                                    LocalDate.parse("1990-01-01"),
                                    ev("MC-T-002")),
                            new PersonRow(
                                    "MC-T-002",
                                    Role.ASSOCIATE,
                                    null,
                                    "P-22",
                                    "Mike",
                                    "Roe",
                                    List.of(),
                                    null,
                                    ev("MC-T-002"))));
            String ana = children.get(0);
            String john = people.get(0);
            writer.ads(
                    tx,
                    List.of(
                            ad("AD-1", "2024-01-12T22:00:00Z", "Richmond", "VA", List.of(IMAGE)),
                            ad("AD-2", "2024-01-15T22:00:00Z", "Baltimore", "MD", List.of(IMAGE)),
                            ad("AD-3", "2024-01-15T22:00:00Z", "Baltimore", "MD", List.of())));
            writer.contacts(
                    tx,
                    List.of(
                            new ContactRow(EntityType.CHILD, ana, Contact.phone(ANA_PHONE), ev("MC-T-001")),
                            new ContactRow(EntityType.CHILD, ana, Contact.handle("instagram", "ana.l"), ev("MC-T-001")),
                            new ContactRow(EntityType.CHILD, ana, Contact.email("ana.l@example.org"), ev("MC-T-001")),
                            new ContactRow(EntityType.PERSON, john, Contact.phone(JOHN_PHONE), ev("MC-T-001")),
                            new ContactRow(EntityType.PERSON, john, Contact.email("jd@example.com"), ev("MC-T-001")),
                            new ContactRow(EntityType.CASE, "MC-T-001", Contact.phone("+17035550100"), ev("MC-T-001")),
                            new ContactRow(EntityType.AD, "AD-1", Contact.phone(JOHN_PHONE), ev("AD-1")),
                            new ContactRow(EntityType.AD, "AD-2", Contact.phone(JOHN_PHONE), ev("AD-2")),
                            new ContactRow(EntityType.AD, "AD-2", Contact.phone(ANA_PHONE), ev("AD-2")),
                            new ContactRow(EntityType.AD, "AD-3", Contact.email("jd@example.com"), ev("AD-3"))));
            writer.places(
                    tx,
                    List.of(
                            new PlaceRow(EntityType.CASE, "MC-T-001", "Richmond", "VA", ev("MC-T-001")),
                            new PlaceRow(EntityType.AD, "AD-1", "Richmond", "VA", ev("AD-1")),
                            new PlaceRow(EntityType.AD, "AD-2", "Baltimore", "MD", ev("AD-2")),
                            new PlaceRow(EntityType.AD, "AD-3", "Baltimore", "MD", ev("AD-3"))));
            writer.associations(tx, List.of(new AssociationRow(john, people.get(2), ev("interview-1"))));
            return null;
        });
        // The test analyst is assigned the fixture cases: existing tests read the children's identity.
        assign(TEST_USER, "MC-T-001", "MC-T-002", "MC-T-003");
    }

    /** How many nodes and relationships the graph holds, migration records and the audit trail aside. */
    public long[] counts() {
        return graph.read("""
                        MATCH (n) WHERE NOT n:__Migration AND NOT n:__IdKey AND NOT n:AuditEvent AND NOT n:AuditHead AND NOT n:PendingRefresh
                        RETURN count(n) AS nodes, COUNT { MATCH ()-[r]->() RETURN r } AS rels
                        """, Map.of(), r ->
                        new long[] {r.get("nodes").asLong(), r.get("rels").asLong()})
                .getFirst();
    }

    private static CaseRow kase(
            String number, CaseType type, CaseStatus status, String reported, String agency, String state) {
        return new CaseRow(
                number,
                type,
                status,
                OffsetDateTime.parse(reported),
                agency,
                state,
                "Synthetic test case " + number,
                ev(number));
    }

    private static AdRow ad(String id, String posted, String city, String state, List<String> images) {
        return new AdRow(
                id,
                "example-classifieds",
                "https://ads.example/" + id,
                OffsetDateTime.parse(posted),
                city,
                state,
                "New in town",
                "call me, new in " + city,
                images,
                ev(id));
    }

    private static Provenance ev(String record) {
        return new Provenance("test-fixture", record, OffsetDateTime.parse("2024-03-01T00:00:00Z"));
    }
}
