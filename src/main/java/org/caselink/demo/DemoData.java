package org.caselink.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.caselink.model.CaseStatus;
import org.caselink.model.CaseType;
import org.caselink.model.EntityType;
import org.caselink.model.Role;
import org.caselink.write.Provenance;
import org.caselink.write.Rows.AdRow;
import org.caselink.write.Rows.AssociationRow;
import org.caselink.write.Rows.CaseRow;
import org.caselink.write.Rows.ChildRow;
import org.caselink.write.Rows.Contact;
import org.caselink.write.Rows.ContactRow;
import org.caselink.write.Rows.PersonRow;
import org.caselink.write.Rows.PlaceRow;

/**
 * A small, deterministic, entirely synthetic data set for a newcomer to explore: about 240 cases
 * across six agencies, about 300 ads, and four planted trafficking networks in which one controller
 * is a suspect in cases in several states, associates recur, and the network's ads share phones and
 * images across cities over weeks. Names are random pairs from short lists; phone numbers are in
 * the 555-01xx range reserved for fiction. Same seed, same data.
 */
public final class DemoData {

    static final String SOURCE = "demo-generator";
    private static final String[][] AGENCIES = {
        {"AGENCY-A", "VA"}, {"AGENCY-B", "MD"}, {"DC-MPD", "DC"}, {"NC-CMPD", "NC"}, {"GA-APD", "GA"}, {"TX-HPD", "TX"}
    };
    private static final String[][] CITIES = {
        {"Richmond", "VA"},
        {"Fairfax", "VA"},
        {"Baltimore", "MD"},
        {"Washington", "DC"},
        {"Charlotte", "NC"},
        {"Raleigh", "NC"},
        {"Atlanta", "GA"},
        {"Houston", "TX"},
        {"Dallas", "TX"}
    };
    private static final String[] AREA_CODES = {
        "703", "571", "410", "443", "202", "704", "919", "404", "678", "713", "214", "832"
    };
    private static final String[] FIRST = {
        "Ava", "Mia", "Zoe", "Lia", "Nora", "Ivy", "Ella", "Maya", "Rosa", "Tess", "Jade", "Lena", "Kira", "Nina",
                "Sara",
        "Eli", "Max", "Leo", "Sam", "Ray", "Dex", "Cole", "Jay", "Rex", "Tom", "Vic", "Wes", "Zack", "Ian", "Omar"
    };
    private static final String[] LAST = {
        "Alder", "Brook", "Calder", "Dunmore", "Ellery", "Fenwick", "Garland", "Hollis", "Ingram", "Jessop", "Kendal",
        "Lyle", "Marsh", "Norcott", "Oakley", "Pryor", "Quill", "Rowan", "Selby", "Thorne", "Upton", "Vance", "Whitlow",
        "Yardley"
    };
    private static final String[] SITES = {"example-classifieds", "sample-listings", "demo-board"};
    private static final String[] PLATFORMS = {"instagram", "snapchat", "telegram", "kik"};

    /** Everything the demo writes, in the order it must be written. */
    public record Batch(
            List<CaseRow> cases,
            List<ChildRow> children,
            List<PersonRow> persons,
            List<AdRow> ads,
            List<ContactRow> contacts,
            List<PlaceRow> places,
            List<AssociationRow> associations) {}

    private final Random random;
    private int phoneCounter;
    private int caseCounter;
    private int adCounter;
    private final List<CaseRow> cases = new ArrayList<>();
    private final List<ChildRow> children = new ArrayList<>();
    private final List<PersonRow> persons = new ArrayList<>();
    private final List<AdRow> ads = new ArrayList<>();
    private final List<ContactRow> contacts = new ArrayList<>();
    private final List<PlaceRow> places = new ArrayList<>();
    private final List<AssociationRow> associations = new ArrayList<>();

    private DemoData(long seed) {
        this.random = new Random(seed);
    }

    public static Batch generate(long seed) {
        DemoData d = new DemoData(seed);
        for (int n = 0; n < 4; n++) {
            d.network(n);
        }
        d.backgroundCases(200);
        d.noiseAds(180);
        return new Batch(d.cases, d.children, d.persons, d.ads, d.contacts, d.places, d.associations);
    }

    /** A planted network: a controller and two associates tied to cases in several states, and their ads. */
    private void network(int n) {
        String controllerId = "DEMO-NET" + n + "-CTRL";
        String[] associateIds = {"DEMO-NET" + n + "-A1", "DEMO-NET" + n + "-A2"};
        String controllerFirst = pick(FIRST, 15, FIRST.length);
        String controllerLast = pick(LAST, 0, LAST.length);
        String[] networkPhones = {phone(), phone(), phone()};
        String[] images = {hash(), hash(), hash(), hash()};
        int caseCount = 4 + random.nextInt(3);
        List<String> childPhones = new ArrayList<>();
        List<String> networkCases = new ArrayList<>();
        for (int i = 0; i < caseCount; i++) {
            String[] agency = AGENCIES[(n + i) % AGENCIES.length];
            String number = newCase(i % 3 == 0 ? CaseType.CST_TIP : CaseType.MISSING_FROM_CARE, agency);
            networkCases.add(number);
            String childPhone = child(number, 15 + random.nextInt(3), true);
            childPhones.add(childPhone);
            Provenance ev = ev(number, cases.getLast().reportedAt());
            persons.add(new PersonRow(
                    number,
                    Role.SUSPECT,
                    null,
                    controllerId,
                    controllerFirst,
                    controllerLast,
                    List.of(controllerFirst.substring(0, 1) + controllerLast.substring(0, 1), "Big " + controllerFirst),
                    LocalDate.of(1985 + n, 1 + n, 10 + n),
                    ev));
            String associate = associateIds[i % 2];
            persons.add(new PersonRow(
                    number,
                    Role.ASSOCIATE,
                    null,
                    associate,
                    FIRST[(n * 7 + i % 2) % 15 + 15],
                    LAST[(n * 5 + i % 2 + 3) % LAST.length],
                    List.of(),
                    LocalDate.of(1992 + n, 3, 1 + i % 2),
                    ev));
        }
        // The controller and one associate use the network's phones, and the associates know the controller.
        Provenance intel = new Provenance(SOURCE, "DEMO-NET" + n + "-INTEL", start(n));
        contacts.add(new ContactRow(EntityType.PERSON, controllerId, Contact.phone(networkPhones[0]), intel));
        contacts.add(new ContactRow(EntityType.PERSON, controllerId, Contact.phone(networkPhones[1]), intel));
        contacts.add(new ContactRow(EntityType.PERSON, associateIds[0], Contact.phone(networkPhones[2]), intel));
        contacts.add(new ContactRow(
                EntityType.PERSON, controllerId, Contact.email("net" + n + ".bookings@mail.example"), intel));
        associations.add(new AssociationRow(associateIds[0], controllerId, intel));
        associations.add(new AssociationRow(associateIds[1], controllerId, intel));
        // The controller's phones are on the case records of the first two cases: the link analysts look for.
        contacts.add(new ContactRow(
                EntityType.CASE, networkCases.get(0), Contact.phone(networkPhones[0]), ev(networkCases.get(0), null)));
        contacts.add(new ContactRow(
                EntityType.CASE, networkCases.get(1), Contact.phone(networkPhones[1]), ev(networkCases.get(1), null)));
        int adCount = 25 + random.nextInt(15);
        OffsetDateTime start = start(n);
        for (int i = 0; i < adCount; i++) {
            String[] city = CITIES[(n * 2 + i / 5) % CITIES.length];
            OffsetDateTime posted = start.plusDays(i * 2L).plusHours(random.nextInt(6));
            List<Contact> listed = new ArrayList<>(List.of(Contact.phone(networkPhones[i % networkPhones.length])));
            if (i % 7 == 3) {
                // A missing child's own number on an ad: the strongest signal in this field.
                listed.add(Contact.phone(childPhones.get(i % childPhones.size())));
            }
            ad(
                    posted,
                    city,
                    List.of(images[i % images.length]),
                    listed,
                    // Each network writes its own wording (re-posted, so its ads are near-duplicates of
                    // one another), around the boilerplate every poster uses.
                    "new in " + city[0] + " this week, " + WORDING[n % WORDING.length] + ", call now");
        }
    }

    private static final String[] WORDING = {
        "sweet petite brunette with a playful smile and soft curls",
        "tall exotic goddess fresh from the islands with honey skin",
        "bubbly blonde college girl who loves roadtrips and late dinners",
        "classy redhead with freckles green eyes and a quiet voice"
    };

    private static OffsetDateTime start(int network) {
        return OffsetDateTime.of(2024, 2 + network, 1, 20, 0, 0, 0, ZoneOffset.UTC);
    }

    /** Ordinary cases: most children missing from care, many runaways, some repeat; a few with a suspect. */
    private void backgroundCases(int count) {
        List<String> repeatChildIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            CaseType type = roll < 60
                    ? CaseType.MISSING_FROM_CARE
                    : roll < 85
                            ? CaseType.RUNAWAY
                            : roll < 90
                                    ? CaseType.FAMILY_ABDUCTION
                                    : roll < 92
                                            ? CaseType.NONFAMILY_ABDUCTION
                                            : roll < 95 ? CaseType.LOST_INJURED : CaseType.CST_TIP;
            String number = newCase(type, AGENCIES[random.nextInt(AGENCIES.length)]);
            if (type == CaseType.RUNAWAY && repeatChildIds.size() < 12 && random.nextBoolean()) {
                // Repeat runaways: the same child (same external id) in a second case.
                String childId = children.get(random.nextInt(children.size())).childId();
                ChildRow earlier = children.stream()
                        .filter(c -> c.childId().equals(childId))
                        .findFirst()
                        .orElseThrow();
                children.add(new ChildRow(
                        number,
                        null,
                        childId,
                        earlier.firstName(),
                        earlier.lastName(),
                        earlier.dob(),
                        earlier.sex(),
                        ev(number, cases.getLast().reportedAt())));
                repeatChildIds.add(childId);
            } else {
                child(number, 12 + Math.min(5, random.nextInt(8)), random.nextInt(10) < 4);
            }
            if (random.nextInt(10) < 3) {
                Provenance ev = ev(number, cases.getLast().reportedAt());
                persons.add(new PersonRow(
                        number,
                        random.nextBoolean() ? Role.SUSPECT : Role.ASSOCIATE,
                        null,
                        "DEMO-P" + i,
                        pick(FIRST, 15, FIRST.length),
                        pick(LAST, 0, LAST.length),
                        List.of(),
                        LocalDate.of(1975 + random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        ev));
                contacts.add(new ContactRow(EntityType.PERSON, "DEMO-P" + i, Contact.phone(phone()), ev));
            }
        }
    }

    /** Ads that belong to no network. */
    private void noiseAds(int count) {
        for (int i = 0; i < count; i++) {
            OffsetDateTime posted =
                    OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC).plusHours(random.nextInt(24 * 500));
            String[] city = CITIES[random.nextInt(CITIES.length)];
            ad(posted, city, List.of(hash()), List.of(Contact.phone(phone())), "massage and relaxation in " + city[0]);
        }
    }

    private String newCase(CaseType type, String[] agency) {
        String number = String.format("MC-%d-%06d", 2023 + caseCounter % 3, 100 + caseCounter);
        caseCounter++;
        OffsetDateTime reported = OffsetDateTime.of(
                2023 + random.nextInt(3),
                1 + random.nextInt(12),
                1 + random.nextInt(28),
                random.nextInt(24),
                0,
                0,
                0,
                ZoneOffset.UTC);
        int s = random.nextInt(100);
        CaseStatus status = s < 70 ? CaseStatus.OPEN : s < 95 ? CaseStatus.RECOVERED : CaseStatus.CLOSED;
        Provenance ev = ev(number, reported);
        cases.add(new CaseRow(
                number,
                type,
                status,
                reported,
                agency[0],
                agency[1],
                "Synthetic demo case: " + type.name().toLowerCase().replace('_', ' ') + " reported to " + agency[0]
                        + ".",
                ev));
        String[] city = cityIn(agency[1]);
        places.add(new PlaceRow(EntityType.CASE, number, city[0], city[1], ev));
        return number;
    }

    /** Adds the case's child; returns the child's phone when it was given one (or a fresh one when asked). */
    private String child(String caseNumber, int age, boolean withPhone) {
        String childId = "DEMO-CH" + children.size();
        OffsetDateTime reported = cases.getLast().reportedAt();
        Provenance ev = ev(caseNumber, reported);
        children.add(new ChildRow(
                caseNumber,
                null,
                childId,
                pick(FIRST, 0, 15),
                pick(LAST, 0, LAST.length),
                reported.toLocalDate().minusYears(age).minusDays(random.nextInt(365)),
                random.nextInt(10) < 8 ? "F" : "M",
                ev));
        String phone = phone();
        if (withPhone) {
            contacts.add(new ContactRow(EntityType.CHILD, childId, Contact.phone(phone), ev));
        }
        if (random.nextInt(10) < 4) {
            String handle = children.getLast().firstName().toLowerCase() + "." + childId.substring(7);
            contacts.add(new ContactRow(
                    EntityType.CHILD,
                    childId,
                    Contact.handle(PLATFORMS[random.nextInt(PLATFORMS.length)], handle),
                    ev));
        }
        return phone;
    }

    private void ad(OffsetDateTime posted, String[] city, List<String> images, List<Contact> listed, String body) {
        String adId = String.format("DEMO-AD-%05d", ++adCounter);
        Provenance ev = new Provenance(SOURCE, adId, posted);
        ads.add(new AdRow(
                adId,
                SITES[random.nextInt(SITES.length)],
                "https://ads.example/" + adId,
                posted,
                city[0],
                city[1],
                "Sweet new girl " + city[0],
                body,
                images,
                ev));
        listed.forEach(c -> contacts.add(new ContactRow(EntityType.AD, adId, c, ev)));
        places.add(new PlaceRow(EntityType.AD, adId, city[0], city[1], ev));
    }

    private String[] cityIn(String state) {
        List<String[]> options =
                java.util.Arrays.stream(CITIES).filter(c -> c[1].equals(state)).toList();
        return options.isEmpty() ? new String[] {"Springfield", state} : options.get(random.nextInt(options.size()));
    }

    /** A fresh number in the fictional 555-01xx range: each is used once unless shared on purpose. */
    private String phone() {
        int i = phoneCounter++;
        return "+1" + AREA_CODES[(i / 100) % AREA_CODES.length] + "555" + String.format("01%02d", i % 100);
    }

    private String hash() {
        return String.format("%016x", random.nextLong());
    }

    private String pick(String[] values, int from, int to) {
        return values[from + random.nextInt(to - from)];
    }

    private static Provenance ev(String recordId, OffsetDateTime observedAt) {
        return new Provenance(SOURCE, recordId, observedAt);
    }
}
