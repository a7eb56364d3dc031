package org.caselink.ingest;

import static org.caselink.ingest.JsonFields.array;
import static org.caselink.ingest.JsonFields.date;
import static org.caselink.ingest.JsonFields.dateTime;
import static org.caselink.ingest.JsonFields.enumValue;
import static org.caselink.ingest.JsonFields.object;
import static org.caselink.ingest.JsonFields.required;
import static org.caselink.ingest.JsonFields.strings;
import static org.caselink.ingest.JsonFields.text;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.caselink.graphql.InvalidInputException;
import org.caselink.model.CaseStatus;
import org.caselink.model.CaseType;
import org.caselink.model.Role;
import org.caselink.normalize.EmailExtractor;
import org.caselink.normalize.PhoneExtractor;
import org.caselink.write.Inputs;
import org.caselink.write.Records.AdRecord;
import org.caselink.write.Records.CaseRecord;
import org.caselink.write.Records.ChildIn;
import org.caselink.write.Records.ImportRecord;
import org.caselink.write.Records.LinkRecord;
import org.caselink.write.Records.Origin;
import org.caselink.write.Records.PersonIn;
import org.caselink.write.Records.Place;
import org.caselink.write.Records.Problem;
import org.caselink.write.Rows.Contact;
import org.caselink.write.Validate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one record of the import format (a JSON object with a {@code kind}), validates every
 * field and normalises phones, emails and handles. A record with a missing required field or an
 * invalid value is rejected with the field and the reason; an unknown field is a warning. Each
 * field is read through {@link JsonFields}.
 */
public final class RecordParser {

    /** The fields of each shape of the format; docs/import-record.schema.json lists the same (ImportSchemaTests). */
    static final Map<String, Set<String>> FIELDS = Map.of(
            "case",
                    Set.of(
                            "kind",
                            "caseNumber",
                            "type",
                            "status",
                            "reportedAt",
                            "agency",
                            "state",
                            "summary",
                            "source",
                            "child",
                            "persons",
                            "phones",
                            "emails",
                            "handles",
                            "locations"),
            "child", Set.of("childId", "firstName", "lastName", "dob", "sex", "phones", "emails", "handles"),
            "person",
                    Set.of(
                            "personId",
                            "role",
                            "firstName",
                            "lastName",
                            "aliases",
                            "dob",
                            "phones",
                            "emails",
                            "handles"),
            "ad",
                    Set.of(
                            "kind",
                            "adId",
                            "site",
                            "url",
                            "postedAt",
                            "city",
                            "state",
                            "title",
                            "body",
                            "phones",
                            "emails",
                            "handles",
                            "imageHashes",
                            "source"),
            "link", Set.of("kind", "from", "to", "type", "source"),
            "handle", Set.of("platform", "handle"),
            "location", Set.of("city", "state"));

    private static final Set<String> LINK_TYPES = Set.of("ASSOCIATED_WITH");

    private final JsonMapper json = JsonMapper.builder().build();
    private final String region;
    private final PhoneExtractor phones;
    private final String defaultSource;
    /** Time spent extracting phones and emails from ad texts, of all the records this parser read. */
    private long extractNanos;

    /** @param defaultSource provenance for records that name none (typically "import:" and the file name) */
    public RecordParser(String region, String defaultSource) {
        this.region = region;
        this.phones = new PhoneExtractor(region);
        this.defaultSource = defaultSource;
    }

    /** How long this parser spent extracting phones and emails from ad texts, in all. */
    public long extractNanos() {
        return extractNanos;
    }

    /** The outcome for one record: the record (null when rejected), its errors and warnings. */
    public record Parsed(@Nullable ImportRecord record, List<Problem> errors, List<Problem> warnings) {}

    public Parsed parse(Origin origin, String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            return rejected(origin, null, "record", "is not valid JSON: " + e.getOriginalMessage());
        }
        return parse(origin, node);
    }

    public Parsed parse(Origin origin, JsonNode node) {
        if (node == null || !node.isObject()) {
            return rejected(origin, null, "record", "must be a JSON object");
        }
        String kind = node.path("kind").isString() ? node.path("kind").asString() : null;
        String key = switch (kind == null ? "" : kind) {
            case "case" -> text(node, "caseNumber");
            case "ad" -> text(node, "adId");
            default -> null;
        };
        List<Problem> warnings = new ArrayList<>();
        try {
            ImportRecord record = switch (kind == null ? "" : kind) {
                case "case" -> kase(origin, node, warnings);
                case "ad" -> ad(origin, node, warnings);
                case "link" -> link(origin, node, warnings);
                default ->
                    throw new InvalidInputException(
                            "kind",
                            kind == null ? "is required (case, ad or link)" : "must be case, ad or link, not " + kind);
            };
            return new Parsed(record, List.of(), warnings);
        } catch (InvalidInputException e) {
            return new Parsed(null, List.of(new Problem(origin, key, e.field(), e.reason())), warnings);
        }
    }

    /** A record refused before it could be parsed (a line too long to read), for {@code reason}. */
    public static Parsed refused(Origin origin, String reason) {
        return rejected(origin, null, "record", reason);
    }

    private static Parsed rejected(Origin origin, @Nullable String key, String field, String reason) {
        return new Parsed(null, List.of(new Problem(origin, key, field, reason)), List.of());
    }

    private CaseRecord kase(Origin origin, JsonNode n, List<Problem> warnings) {
        String caseNumber = Validate.code("caseNumber", text(n, "caseNumber"));
        unknownFields(origin, caseNumber, n, "case", "", warnings);
        CaseType type = enumValue(CaseType.class, "type", required(n, "type"));
        CaseStatus status = enumValue(CaseStatus.class, "status", required(n, "status"));
        OffsetDateTime reportedAt = Validate.instant("reportedAt", dateTime("reportedAt", required(n, "reportedAt")));
        String agency = Validate.code("agency", text(n, "agency"));
        String state = Validate.state("state", text(n, "state"));
        String summary = Validate.text("summary", text(n, "summary"), Validate.TEXT_MAX);
        String source = source(n);
        ChildIn child = null;
        if (n.hasNonNull("child")) {
            JsonNode c = object(n, "child");
            unknownFields(origin, caseNumber, c, "child", "child.", warnings);
            child = new ChildIn(
                    Validate.optionalId("child.childId", text(c, "childId", "child.")),
                    Validate.text("child.firstName", text(c, "firstName", "child."), Validate.NAME_MAX),
                    Validate.text("child.lastName", text(c, "lastName", "child."), Validate.NAME_MAX),
                    date("child.dob", text(c, "dob", "child.")),
                    Validate.text("child.sex", text(c, "sex", "child."), 20),
                    contacts(origin, caseNumber, c, "child.", warnings));
        }
        List<PersonIn> persons = new ArrayList<>();
        List<JsonNode> ps = array(n, "persons");
        for (int i = 0; i < ps.size(); i++) {
            String at = "persons[" + i + "].";
            JsonNode p = ps.get(i);
            if (!p.isObject()) {
                throw new InvalidInputException("persons[" + i + "]", "must be an object");
            }
            unknownFields(origin, caseNumber, p, "person", at, warnings);
            List<String> aliases = new ArrayList<>();
            List<JsonNode> as = array(p, "aliases", at);
            for (int j = 0; j < as.size(); j++) {
                String a = Validate.text(
                        at + "aliases[" + j + "]",
                        as.get(j).isString() ? as.get(j).asString() : null,
                        Validate.NAME_MAX);
                if (a != null && !aliases.contains(a)) {
                    aliases.add(a);
                }
            }
            PersonIn person = new PersonIn(
                    Validate.optionalId(at + "personId", text(p, "personId", at)),
                    enumValue(Role.class, at + "role", required(p, "role", at)),
                    Validate.text(at + "firstName", text(p, "firstName", at), Validate.NAME_MAX),
                    Validate.text(at + "lastName", text(p, "lastName", at), Validate.NAME_MAX),
                    aliases,
                    date(at + "dob", text(p, "dob", at)),
                    contacts(origin, caseNumber, p, at, warnings));
            if (person.personId() == null && person.firstName() == null && person.lastName() == null) {
                throw new InvalidInputException(at.substring(0, at.length() - 1), "needs a personId or a name");
            }
            persons.add(person);
        }
        List<Place> places = new ArrayList<>();
        List<JsonNode> ls = array(n, "locations");
        for (int i = 0; i < ls.size(); i++) {
            String at = "locations[" + i + "].";
            JsonNode l = ls.get(i);
            unknownFields(origin, caseNumber, l, "location", at, warnings);
            String st = Validate.state(at + "state", text(l, "state", at));
            if (st == null) {
                throw new InvalidInputException(at + "state", "is required");
            }
            places.add(new Place(Validate.requiredText(at + "city", text(l, "city", at), Validate.NAME_MAX), st));
        }
        return new CaseRecord(
                origin,
                caseNumber,
                type,
                status,
                reportedAt,
                agency,
                state,
                summary,
                source,
                child,
                persons,
                contacts(origin, caseNumber, n, "", warnings),
                places);
    }

    private AdRecord ad(Origin origin, JsonNode n, List<Problem> warnings) {
        String adId = Validate.id("adId", text(n, "adId"));
        unknownFields(origin, adId, n, "ad", "", warnings);
        String site = Validate.requiredText("site", text(n, "site"), Validate.NAME_MAX)
                .toLowerCase(Locale.ROOT);
        OffsetDateTime postedAt = Validate.instant("postedAt", dateTime("postedAt", required(n, "postedAt")));
        String city = Validate.text("city", text(n, "city"), Validate.NAME_MAX);
        String state = Validate.state("state", text(n, "state"));
        String title = Validate.text("title", text(n, "title"), 1_000);
        String body = Validate.text("body", text(n, "body"), Validate.TEXT_MAX);
        List<Contact> listed = contacts(origin, adId, n, "", warnings);
        List<String> hashes = new ArrayList<>();
        List<JsonNode> hs = array(n, "imageHashes");
        for (int i = 0; i < hs.size(); i++) {
            String at = "imageHashes[" + i + "]";
            String h = org.caselink.normalize.Normalize.imageHash(
                            hs.get(i).isString() ? hs.get(i).asString() : null)
                    .orElseThrow(() -> new InvalidInputException(at, "must be a 64-bit hash as 16 hex digits"));
            if (!hashes.contains(h)) {
                hashes.add(h);
            }
        }
        String text = (title == null ? "" : title) + "\n" + (body == null ? "" : body);
        Set<Contact> extracted = new LinkedHashSet<>();
        long start = System.nanoTime();
        phones.extract(text).forEach(p -> extracted.add(Contact.phone(p)));
        EmailExtractor.extract(text).forEach(e -> extracted.add(Contact.email(e)));
        extractNanos += System.nanoTime() - start;
        listed.forEach(extracted::remove);
        return new AdRecord(
                origin,
                adId,
                site,
                Validate.url("url", text(n, "url")),
                postedAt,
                city,
                state,
                title,
                body,
                source(n),
                listed,
                List.copyOf(extracted),
                hashes);
    }

    private LinkRecord link(Origin origin, JsonNode n, List<Problem> warnings) {
        String from = Validate.id("from", text(n, "from"));
        String to = Validate.id("to", text(n, "to"));
        unknownFields(origin, from + "->" + to, n, "link", "", warnings);
        String type = Validate.requiredText("type", text(n, "type"), 40).toUpperCase(Locale.ROOT);
        if (!LINK_TYPES.contains(type)) {
            throw new InvalidInputException("type", "must be one of " + LINK_TYPES);
        }
        if (from.equals(to)) {
            throw new InvalidInputException("to", "a person cannot be linked to themselves");
        }
        return new LinkRecord(origin, from, to, type, source(n));
    }

    private List<Contact> contacts(Origin origin, String key, JsonNode n, String at, List<Problem> warnings) {
        List<String> phoneList = strings(n, "phones", at);
        List<String> emailList = strings(n, "emails", at);
        List<Inputs.HandleInput> handles = new ArrayList<>();
        List<JsonNode> hs = array(n, "handles", at);
        for (int i = 0; i < hs.size(); i++) {
            JsonNode h = hs.get(i);
            if (!h.isObject()) {
                throw new InvalidInputException(
                        at + "handles[" + i + "]", "must be an object with platform and handle");
            }
            unknownFields(origin, key, h, "handle", at + "handles[" + i + "].", warnings);
            handles.add(new Inputs.HandleInput(
                    Validate.requiredText(
                            at + "handles[" + i + "].platform", text(h, "platform", at + "handles[" + i + "]."), 40),
                    Validate.requiredText(
                            at + "handles[" + i + "].handle", text(h, "handle", at + "handles[" + i + "]."), 100)));
        }
        return Validate.contacts(at, phoneList, emailList, handles, region);
    }

    private String source(JsonNode n) {
        String s = Validate.text("source", text(n, "source"), Validate.NAME_MAX);
        return s == null ? defaultSource : s;
    }

    private static void unknownFields(
            Origin origin, String key, JsonNode n, String shape, String at, List<Problem> warnings) {
        Set<String> known = FIELDS.get(shape);
        for (String name : n.propertyNames()) {
            if (!known.contains(name)) {
                warnings.add(new Problem(origin, key, at + name, "unknown field, ignored"));
            }
        }
    }
}
