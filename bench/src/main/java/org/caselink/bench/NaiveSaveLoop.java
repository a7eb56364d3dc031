package org.caselink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caselink.ingest.RecordParser;
import org.caselink.model.EntityType;
import org.caselink.model.Role;
import org.caselink.write.Records;
import org.caselink.write.Records.AdRecord;
import org.caselink.write.Records.CaseRecord;
import org.caselink.write.Rows.Contact;
import org.springframework.data.annotation.Id;
import org.springframework.data.neo4j.core.Neo4jTemplate;
import org.springframework.data.neo4j.core.schema.Node;
import org.springframework.data.neo4j.core.schema.Relationship;

/**
 * The second floor of the ingest benchmark, from the other side: the way many applications write
 * a graph, one entity per call through Spring Data Neo4j ({@code template.save(entity)}, which a
 * repository's {@code save} is), loading a person or child first when a record names them by an
 * external id so that the next case adds to them. It writes the same nodes and relationship types
 * as the import, without evidence on relationships, identity resolution, extraction or
 * near-duplicate detection: less work than the pipeline does.
 */
final class NaiveSaveLoop {

    private NaiveSaveLoop() {}

    /** Saves the first {@code records} case and ad records of {@code file}; returns how many it saved. */
    static int run(Neo4jTemplate template, Path file, int records, String region) throws IOException {
        RecordParser parser = new RecordParser(region, "benchmark");
        int saved = 0;
        long line = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null && saved < records; text = in.readLine()) {
                var parsed = parser.parse(new Records.Origin(file.toString(), ++line), text);
                switch (parsed.record()) {
                    case CaseRecord c -> {
                        saveCase(template, c);
                        saved++;
                    }
                    case AdRecord a -> {
                        saveAd(template, a);
                        saved++;
                    }
                    case null, default -> {}
                }
            }
        }
        return saved;
    }

    private static void saveCase(Neo4jTemplate template, CaseRecord r) {
        CaseNode kase = new CaseNode();
        kase.caseNumber = r.caseNumber();
        kase.type = r.type().name();
        kase.status = r.status().name();
        kase.reportedAt = r.reportedAt();
        kase.state = r.state();
        kase.summary = r.summary();
        kase.agency = template.save(new AgencyNode(r.agency()));
        r.locations().forEach(p -> kase.lastSeenIn.add(template.save(new LocationNode(p.city(), p.state()))));
        kase.phones = contacts(template, r.contacts(), EntityType.PHONE);
        kase.emails = contacts(template, r.contacts(), EntityType.EMAIL);
        CaseNode savedCase = template.save(kase);
        if (r.child() != null) {
            var in = r.child();
            ChildNode child = in.childId() == null
                    ? new ChildNode()
                    : template.findById("child:" + in.childId(), ChildNode.class)
                            .orElseGet(ChildNode::new);
            child.uid = in.childId() == null ? UUID.randomUUID().toString() : "child:" + in.childId();
            child.childId = in.childId();
            child.firstName = in.firstName();
            child.lastName = in.lastName();
            child.dob = in.dob() == null ? null : in.dob().toString();
            child.sex = in.sex();
            child.subjectOf.add(savedCase);
            child.phones.addAll(contacts(template, in.contacts(), EntityType.PHONE));
            template.save(child);
        }
        for (var in : r.persons()) {
            PersonNode person = in.personId() == null
                    ? new PersonNode()
                    : template.findById("person:" + in.personId(), PersonNode.class)
                            .orElseGet(PersonNode::new);
            person.uid = in.personId() == null ? UUID.randomUUID().toString() : "person:" + in.personId();
            person.personId = in.personId();
            person.firstName = in.firstName();
            person.lastName = in.lastName();
            person.aliases = in.aliases();
            (in.role() == Role.SUSPECT ? person.suspectIn : person.associateIn).add(savedCase);
            person.phones.addAll(contacts(template, in.contacts(), EntityType.PHONE));
            template.save(person);
        }
    }

    private static void saveAd(Neo4jTemplate template, AdRecord r) {
        AdNode ad = new AdNode();
        ad.adId = r.adId();
        ad.site = r.site();
        ad.url = r.url();
        ad.postedAt = r.postedAt();
        ad.city = r.city();
        ad.state = r.state();
        ad.title = r.title();
        ad.body = r.body();
        List<Contact> all = new ArrayList<>(r.contacts());
        all.addAll(r.extracted());
        ad.phones = contacts(template, all, EntityType.PHONE);
        ad.emails = contacts(template, all, EntityType.EMAIL);
        r.imageHashes().forEach(h -> ad.images.add(template.save(new ImageNode(h))));
        if (r.city() != null && r.state() != null) {
            ad.postedIn = template.save(new LocationNode(r.city(), r.state()));
        }
        template.save(ad);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> contacts(Neo4jTemplate template, List<Contact> contacts, EntityType type) {
        List<T> out = new ArrayList<>();
        for (Contact c : contacts) {
            if (c.type() == type) {
                out.add((T)
                        template.save(type == EntityType.PHONE ? new PhoneNode(c.value()) : new EmailNode(c.value())));
            }
        }
        return out;
    }

    @Node("Case")
    public static class CaseNode {
        @Id
        public String caseNumber;

        public String type;
        public String status;
        public OffsetDateTime reportedAt;
        public String state;
        public String summary;

        @Relationship("OWNED_BY")
        public AgencyNode agency;

        @Relationship("LAST_SEEN_IN")
        public List<LocationNode> lastSeenIn = new ArrayList<>();

        @Relationship("MENTIONS")
        public List<PhoneNode> phones = new ArrayList<>();

        @Relationship("MENTIONS")
        public List<EmailNode> emails = new ArrayList<>();
    }

    @Node("Child")
    public static class ChildNode {
        @Id
        public String uid;

        public String childId;
        public String firstName;
        public String lastName;
        public String dob;
        public String sex;

        @Relationship("SUBJECT_OF")
        public List<CaseNode> subjectOf = new ArrayList<>();

        @Relationship("USES")
        public List<PhoneNode> phones = new ArrayList<>();
    }

    @Node("Person")
    public static class PersonNode {
        @Id
        public String uid;

        public String personId;
        public String firstName;
        public String lastName;
        public List<String> aliases = new ArrayList<>();

        @Relationship("SUSPECT_IN")
        public List<CaseNode> suspectIn = new ArrayList<>();

        @Relationship("ASSOCIATE_IN")
        public List<CaseNode> associateIn = new ArrayList<>();

        @Relationship("USES")
        public List<PhoneNode> phones = new ArrayList<>();
    }

    @Node("Ad")
    public static class AdNode {
        @Id
        public String adId;

        public String site;
        public String url;
        public OffsetDateTime postedAt;
        public String city;
        public String state;
        public String title;
        public String body;

        @Relationship("LISTS")
        public List<PhoneNode> phones = new ArrayList<>();

        @Relationship("LISTS")
        public List<EmailNode> emails = new ArrayList<>();

        @Relationship("SHOWS")
        public List<ImageNode> images = new ArrayList<>();

        @Relationship("POSTED_IN")
        public LocationNode postedIn;
    }

    @Node("Phone")
    public record PhoneNode(@Id String e164) {}

    @Node("Email")
    public record EmailNode(@Id String address) {}

    @Node("Image")
    public record ImageNode(@Id String hash) {}

    @Node("Agency")
    public record AgencyNode(@Id String code) {}

    @Node("Location")
    public record LocationNode(@Id String key, String city, String state) {
        LocationNode(String city, String state) {
            this((city + "|" + state).toLowerCase(java.util.Locale.ROOT), city, state);
        }
    }
}
