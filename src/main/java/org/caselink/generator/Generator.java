package org.caselink.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a synthetic data set in the import format, with a ground-truth file beside it. The
 * distributions follow what the field reports: most intakes are children missing from care, most
 * likely CST victims are 15 to 17, runaways repeat. Planted networks: a controller who is a
 * suspect in several children's cases across states, associates who recur, and ads for the network
 * that share phones and images across cities over weeks, with phone numbers obfuscated in the text,
 * near-duplicate wording, name typos and aliases. Noise: independent posters with their own phones,
 * plus one hub phone and one hub image in very many unrelated ads. Same seed, same bytes.
 *
 * <p>The truth file says which person mentions are the same individual, which ads belong together
 * (a network, or one independent poster), and which phones each ad hides in its text.
 */
public final class Generator {

    /** @param cases case records to write; @param ads ad records to write; @param seed the random seed */
    public record Config(int cases, int ads, long seed) {}

    private static final String[] FIRST_F = {
        "Ava", "Mia", "Zoe", "Lia", "Nora", "Ivy", "Ella", "Maya", "Rosa", "Tess", "Jade", "Lena", "Kira", "Nina",
                "Sara", "Aria",
        "Cora", "Dana", "Emma", "Faye", "Gina", "Hana", "Iris", "Juno", "Kaya", "Lola", "Mara", "Nell", "Opal", "Pia",
                "Rae", "Skye"
    };
    private static final String[] FIRST_M = {
        "Eli", "Max", "Leo", "Sam", "Ray", "Dex", "Cole", "Jay", "Rex", "Tom", "Vic", "Wes", "Zack", "Ian", "Omar",
        "Hugo", "Ivan", "Jude", "Kurt", "Luis", "Milo", "Nash", "Otis", "Paul", "Reid", "Seth", "Troy", "Vern", "Wade",
        "Yusuf"
    };
    private static final String[] LAST = {
        "Alder", "Brook", "Calder", "Dunmore", "Ellery", "Fenwick", "Garland", "Hollis", "Ingram", "Jessop", "Kendal",
                "Lyle",
        "Marsh", "Norcott", "Oakley", "Pryor", "Quill", "Rowan", "Selby", "Thorne", "Upton", "Vance", "Whitlow",
                "Yardley",
        "Ashby", "Barlow", "Carver", "Darby", "Easton", "Fairley", "Gilmore", "Hadley", "Irwin", "Jarvis", "Kirby",
                "Langley",
        "Mercer", "Nolan", "Orton", "Pember", "Radley", "Stroud", "Tolland", "Underhill", "Varley", "Winslow", "Yates",
                "Zeller"
    };
    private static final String[][] CITIES = {
        {"Richmond", "VA"},
        {"Fairfax", "VA"},
        {"Norfolk", "VA"},
        {"Baltimore", "MD"},
        {"Rockville", "MD"},
        {"Washington", "DC"},
        {"Charlotte", "NC"},
        {"Raleigh", "NC"},
        {"Atlanta", "GA"},
        {"Savannah", "GA"},
        {"Houston", "TX"},
        {"Dallas", "TX"},
        {"Austin", "TX"},
        {"Miami", "FL"},
        {"Orlando", "FL"},
        {"Tampa", "FL"},
        {"Newark", "NJ"},
        {"Philadelphia", "PA"},
        {"Columbus", "OH"},
        {"Detroit", "MI"},
        {"Chicago", "IL"},
        {"Memphis", "TN"},
        {"Nashville", "TN"},
        {"Phoenix", "AZ"}
    };
    private static final String[] AGENCIES_BY_STATE = {"FCPD", "CPD", "SO", "MPD", "DCS"};
    private static final String[] SITES = {
        "example-classifieds", "sample-listings", "demo-board", "test-escorts", "mock-dating"
    };
    private static final String[] PLATFORMS = {"instagram", "snapchat", "telegram", "kik", "whatsapp"};
    private static final String[] WORDS = {
        "sweet",
        "new",
        "fun",
        "young",
        "petite",
        "discreet",
        "available",
        "tonight",
        "incall",
        "outcall",
        "visiting",
        "generous",
        "classy",
        "relaxing",
        "friendly",
        "exotic",
        "upscale",
        "private",
        "special",
        "limited",
        "weekend",
        "only",
        "ready",
        "real",
        "pics",
        "verified",
        "massage",
        "company",
        "sugar",
        "candy",
        "honey",
        "party",
        "late",
        "early",
        "hotel",
        "clean",
        "quiet",
        "genuine",
        "blonde",
        "brunette",
        "curvy",
        "slim",
        "tall",
        "girl",
        "lady",
        "friend",
        "spa",
        "session",
        "treat",
        "juicy",
        "sunshine",
        "angel",
        "kitty",
        "bunny",
        "peach",
        "cherry",
        "velvet",
        "silk",
        "rose",
        "lily",
        "pearl",
        "ruby"
    };
    private static final String[] DIGIT_WORDS = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
    };
    private static final String[] DIGIT_HOMOPHONES = {
        "oh", "won", "to", "three", "for", "five", "six", "seven", "ate", "nine"
    };

    private final Random random;
    private final FictionalPhones phones;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ObjectNode> lines = new ArrayList<>();
    private final Map<String, String> personTruth = new TreeMap<>();
    private final Map<String, String> adGroup = new TreeMap<>();
    private final Map<String, List<String>> adTextPhones = new TreeMap<>();
    private final Map<String, String> caseNetwork = new TreeMap<>();
    /** Case number to its true child: a repeat runaway's cases share one. */
    private final Map<String, String> caseChild = new TreeMap<>();
    /** Person ids some record has carried: a link record may only name those. */
    private final java.util.Set<String> idsWritten = new java.util.HashSet<>();

    private int caseCounter;
    private int adCounter;
    private int personCounter;
    private int childCounter;

    private Generator(long seed) {
        this.random = new Random(seed);
        this.phones = new FictionalPhones(new Random(seed ^ 0x5eedL));
    }

    /** Writes {@code out} (JSON Lines) and {@code truth} (JSON). */
    public static void write(Config config, Path out, Path truth) throws IOException {
        Generator g = new Generator(config.seed());
        g.build(config);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (ObjectNode line : g.lines) {
                w.write(g.json.writeValueAsString(line));
                w.write('\n');
            }
        }
        Map<String, Object> t = new TreeMap<>();
        t.put("persons", g.personTruth);
        t.put("adGroups", g.adGroup);
        t.put("adTextPhones", g.adTextPhones);
        t.put("caseNetworks", g.caseNetwork);
        t.put("caseChildren", g.caseChild);
        t.put("seed", config.seed());
        Files.writeString(truth, g.json.writerWithDefaultPrettyPrinter().writeValueAsString(t), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- people

    private record TruePerson(
            String id,
            String first,
            String last,
            List<String> aliases,
            LocalDate dob,
            String personId,
            List<String> phones,
            List<String> emails) {}

    private record TrueChild(
            String id,
            String childId,
            String first,
            String last,
            LocalDate dob,
            String sex,
            String phone,
            String handle) {}

    private TruePerson person(boolean withId) {
        int n = ++personCounter;
        String first = pick(FIRST_M);
        String last = pick(LAST);
        List<String> aliases =
                random.nextInt(3) == 0 ? List.of(first.charAt(0) + "" + last.charAt(0), "Big " + first) : List.of();
        LocalDate dob = random.nextInt(10) < 7
                ? LocalDate.of(1970 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28))
                : null;
        List<String> ps = new ArrayList<>();
        if (random.nextInt(10) < 6) {
            ps.add(phones.next());
        }
        List<String> es = random.nextInt(10) < 3
                ? List.of(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + n + "@example.com")
                : List.of();
        return new TruePerson("T-P" + n, first, last, aliases, dob, withId ? "P-" + n : null, ps, es);
    }

    private TrueChild child(int minAge, int maxAge, OffsetDateTime reported) {
        int n = ++childCounter;
        boolean girl = random.nextInt(10) < 8;
        String first = pick(girl ? FIRST_F : FIRST_M);
        String last = pick(LAST);
        int age = minAge + random.nextInt(maxAge - minAge + 1);
        LocalDate dob = reported.toLocalDate().minusYears(age).minusDays(random.nextInt(365));
        String phone = random.nextInt(10) < 5 ? phones.next() : null;
        String handle = random.nextInt(10) < 4 ? first.toLowerCase(Locale.ROOT) + "." + n : null;
        return new TrueChild(
                "T-C" + n,
                random.nextInt(10) < 8 ? "CH-" + n : null,
                first,
                last,
                dob,
                girl ? "F" : "M",
                phone,
                handle);
    }

    /** One mention of a person in a case record: the person id (when the source has it), a name as written, maybe a typo. */
    private ObjectNode mention(TruePerson p, String role, int line, int index) {
        ObjectNode o = json.createObjectNode();
        boolean withId = p.personId() != null && random.nextInt(10) < 7;
        if (withId) {
            o.put("personId", p.personId());
            idsWritten.add(p.personId());
        }
        o.put("role", role);
        o.put("firstName", p.first());
        o.put("lastName", random.nextInt(100) < 12 ? typo(p.last()) : p.last());
        if (!p.aliases().isEmpty()) {
            var a = o.putArray("aliases");
            p.aliases().forEach(a::add);
        }
        if (p.dob() != null) {
            o.put("dob", p.dob().toString());
        }
        if (!p.phones().isEmpty()) {
            var a = o.putArray("phones");
            p.phones().forEach(ph -> a.add(format(ph)));
        }
        if (!p.emails().isEmpty()) {
            var a = o.putArray("emails");
            p.emails().forEach(e -> a.add(random.nextBoolean() ? e.toUpperCase(Locale.ROOT) : e));
        }
        personTruth.put(line + ":" + index, p.id());
        return o;
    }

    // ---------------------------------------------------------------- cases

    private void build(Config config) {
        int networkCount = Math.max(1, config.cases() / 60);
        int networkCases = 0;
        int networkAds = 0;
        int adsPerNetwork = (int) (config.ads() * 0.4 / networkCount);
        for (int n = 0; n < networkCount && networkCases < config.cases(); n++) {
            int[] written = network(
                    n,
                    Math.min(3 + random.nextInt(6), config.cases() - networkCases),
                    Math.min(adsPerNetwork, config.ads() - networkAds));
            networkCases += written[0];
            networkAds += written[1];
        }
        List<TrueChild> runaways = new ArrayList<>();
        for (int i = networkCases; i < config.cases(); i++) {
            backgroundCase(runaways);
        }
        noiseAds(config.ads() - networkAds);
    }

    private String newCaseNumber(OffsetDateTime reported) {
        return String.format("MC-%d-%06d", reported.getYear(), ++caseCounter);
    }

    private OffsetDateTime randomTime(int fromYear, int years) {
        return OffsetDateTime.of(fromYear, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusMinutes(random.nextInt(years * 365 * 24 * 60));
    }

    private ObjectNode caseRecord(
            String caseNumber, String type, OffsetDateTime reported, String[] city, TrueChild child) {
        caseChild.put(caseNumber, child.id());
        ObjectNode o = json.createObjectNode();
        o.put("kind", "case");
        o.put("caseNumber", caseNumber);
        o.put("type", type);
        int s = random.nextInt(100);
        o.put("status", s < 70 ? "OPEN" : s < 95 ? "RECOVERED" : "CLOSED");
        o.put("reportedAt", reported.toString());
        o.put("agency", city[1] + "-" + AGENCIES_BY_STATE[Math.floorMod(city[0].hashCode(), AGENCIES_BY_STATE.length)]);
        o.put("state", city[1]);
        o.put(
                "summary",
                "Synthetic " + type.toLowerCase(Locale.ROOT).replace('_', ' ') + " report: child last seen in "
                        + city[0] + ".");
        o.put("source", "generator:intake");
        ObjectNode c = o.putObject("child");
        if (child.childId() != null) {
            c.put("childId", child.childId());
        }
        c.put("firstName", child.first());
        c.put("lastName", child.last());
        c.put("dob", child.dob().toString());
        c.put("sex", child.sex());
        if (child.phone() != null) {
            c.putArray("phones").add(format(child.phone()));
        }
        if (child.handle() != null) {
            ObjectNode h = c.putArray("handles").addObject();
            h.put("platform", pick(PLATFORMS));
            h.put("handle", "@" + child.handle());
        }
        o.putArray("locations").addObject().put("city", city[0]).put("state", city[1]);
        return o;
    }

    private void backgroundCase(List<TrueChild> runaways) {
        int roll = random.nextInt(100);
        String type = roll < 55
                ? "MISSING_FROM_CARE"
                : roll < 85
                        ? "RUNAWAY"
                        : roll < 90
                                ? "FAMILY_ABDUCTION"
                                : roll < 91 ? "NONFAMILY_ABDUCTION" : roll < 95 ? "LOST_INJURED" : "CST_TIP";
        OffsetDateTime reported = randomTime(2021, 5);
        String[] city = pick(CITIES);
        TrueChild child;
        if (type.equals("RUNAWAY") && !runaways.isEmpty() && random.nextInt(10) < 3) {
            child = runaways.get(random.nextInt(runaways.size())); // runaways repeat
        } else {
            // Most likely victims are 15-17; younger children are rarer in these intakes.
            child = random.nextInt(10) < 7 ? child(15, 17, reported) : child(11, 14, reported);
            if (type.equals("RUNAWAY")) {
                runaways.add(child);
            }
        }
        String number = newCaseNumber(reported);
        ObjectNode o = caseRecord(number, type, reported, city, child);
        int line = lines.size() + 1;
        if (random.nextInt(10) < 2) {
            o.putArray("persons")
                    .add(mention(
                            person(random.nextBoolean()), random.nextBoolean() ? "SUSPECT" : "ASSOCIATE", line, 0));
        }
        lines.add(o);
    }

    /** A planted network; returns how many case and ad records it wrote. */
    private int[] network(int n, int caseCount, int adCount) {
        String id = "N" + (n + 1);
        TruePerson controller = person(true);
        List<TruePerson> associates = List.of(person(true), person(random.nextBoolean()));
        List<String> networkPhones = new ArrayList<>(controller.phones());
        while (networkPhones.size() < 3) {
            networkPhones.add(phones.next());
        }
        List<Long> images = new ArrayList<>();
        for (int i = 0; i < 3 + random.nextInt(4); i++) {
            images.add(random.nextLong());
        }
        List<String[]> circuit = new ArrayList<>();
        for (int i = 0; i < 3 + random.nextInt(3); i++) {
            circuit.add(pick(CITIES));
        }
        List<TrueChild> victims = new ArrayList<>();
        OffsetDateTime start = randomTime(2022, 3);
        for (int i = 0; i < caseCount; i++) {
            String[] city = circuit.get(i % circuit.size());
            OffsetDateTime reported = start.plusDays(random.nextInt(200));
            TrueChild child = child(14, 17, reported);
            victims.add(child);
            String number = newCaseNumber(reported);
            ObjectNode o = caseRecord(number, i % 3 == 0 ? "CST_TIP" : "MISSING_FROM_CARE", reported, city, child);
            int line = lines.size() + 1;
            var persons = o.putArray("persons");
            persons.add(mention(controller, "SUSPECT", line, 0));
            persons.add(mention(associates.get(i % 2), "ASSOCIATE", line, 1));
            if (random.nextInt(10) < 5) {
                o.putArray("phones").add(format(networkPhones.get(random.nextInt(networkPhones.size()))));
            }
            caseNetwork.put(number, id);
            lines.add(o);
        }
        for (TruePerson a : associates) {
            if (idsWritten.contains(a.personId()) && idsWritten.contains(controller.personId())) {
                ObjectNode link = json.createObjectNode();
                link.put("kind", "link");
                link.put("from", a.personId());
                link.put("to", controller.personId());
                link.put("type", "ASSOCIATED_WITH");
                link.put("source", "generator:interview");
                lines.add(link);
            }
        }
        String template = sentence(8 + random.nextInt(6));
        String email = "net" + (n + 1) + ".bookings@example.com";
        for (int i = 0; i < adCount; i++) {
            String[] city = circuit.get((i / 4) % circuit.size());
            OffsetDateTime posted = start.plusDays(i * 2L).plusHours(random.nextInt(12));
            List<String> listed = new ArrayList<>();
            List<String> inText = new ArrayList<>();
            String phone = networkPhones.get(random.nextInt(networkPhones.size()));
            if (random.nextBoolean()) {
                listed.add(phone);
            } else {
                inText.add(phone);
            }
            if (random.nextInt(12) == 0) {
                TrueChild v = victims.get(random.nextInt(victims.size()));
                if (v.phone() != null) {
                    listed.add(v.phone()); // a missing child's own number on an ad
                }
            }
            String body = edit(template) + " in " + city[0] + " " + contactText(inText);
            if (random.nextInt(5) == 0) {
                body += " or write " + spellEmail(email);
            }
            List<String> hashes = new ArrayList<>();
            long image = images.get(random.nextInt(images.size()));
            hashes.add(hex(random.nextInt(3) == 0 ? flipBits(image, 1 + random.nextInt(3)) : image));
            ad(id, posted, city, "New in " + city[0] + " " + pick(WORDS), body, listed, inText, hashes);
        }
        return new int[] {caseCount, adCount};
    }

    // ---------------------------------------------------------------- ads

    private void noiseAds(int count) {
        String hubPhone = phones.next();
        long hubImage = random.nextLong();
        int written = 0;
        while (written < count) {
            // An independent poster: one phone, one or two images, a few ads in one city.
            String poster = "P" + (written + 1);
            String phone = phones.next();
            List<Long> images = List.of(random.nextLong(), random.nextLong());
            String[] city = pick(CITIES);
            String template = sentence(7 + random.nextInt(8));
            int ads = Math.min(count - written, 1 + random.nextInt(6));
            OffsetDateTime start = randomTime(2021, 5);
            for (int i = 0; i < ads; i++) {
                List<String> listed = new ArrayList<>();
                List<String> inText = new ArrayList<>();
                if (random.nextInt(3) == 0) {
                    inText.add(phone);
                } else {
                    listed.add(phone);
                }
                if (random.nextInt(30) == 0) {
                    listed.add(hubPhone); // hub noise: a number in very many unrelated ads
                }
                List<String> hashes = new ArrayList<>(List.of(hex(images.get(random.nextInt(2)))));
                if (random.nextInt(30) == 0) {
                    hashes.add(hex(hubImage));
                }
                ad(
                        "poster-" + poster,
                        start.plusDays(i * 3L),
                        city,
                        pick(WORDS) + " " + pick(WORDS) + " " + city[0],
                        edit(template) + " " + contactText(inText),
                        listed,
                        inText,
                        hashes);
            }
            written += ads;
        }
    }

    private void ad(
            String group,
            OffsetDateTime posted,
            String[] city,
            String title,
            String body,
            List<String> listed,
            List<String> inText,
            List<String> hashes) {
        String adId = String.format("AD-%07d", ++adCounter);
        ObjectNode o = json.createObjectNode();
        o.put("kind", "ad");
        o.put("adId", adId);
        o.put("site", pick(SITES));
        o.put("url", "https://ads.example/" + adId);
        o.put("postedAt", posted.toString());
        o.put("city", city[0]);
        o.put("state", city[1]);
        o.put("title", title);
        o.put("body", body);
        ArrayNode ps = o.putArray("phones");
        listed.forEach(p -> ps.add(format(p)));
        o.putArray("emails");
        o.putArray("handles");
        ArrayNode hs = o.putArray("imageHashes");
        hashes.forEach(hs::add);
        adGroup.put(adId, group);
        adTextPhones.put(adId, List.copyOf(inText));
        lines.add(o);
    }

    private String contactText(List<String> inText) {
        if (inText.isEmpty()) {
            return "call now";
        }
        return pick(new String[] {"call", "text", "txt me", "hit me up", "ask for me at"}) + " "
                + obfuscate(inText.getFirst());
    }

    // ---------------------------------------------------------------- text

    private String sentence(int words) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words; i++) {
            b.append(i == 0 ? "" : " ").append(pick(WORDS));
        }
        return b.toString();
    }

    /** A near-duplicate: a word dropped, swapped or replaced now and then, as re-posted ads do. */
    private String edit(String text) {
        List<String> w = new ArrayList<>(List.of(text.split(" ")));
        int edits = random.nextInt(3);
        for (int e = 0; e < edits && w.size() > 3; e++) {
            int i = random.nextInt(w.size());
            switch (random.nextInt(3)) {
                case 0 -> w.remove(i);
                case 1 -> w.set(i, pick(WORDS));
                default -> {
                    int j = random.nextInt(w.size());
                    String t = w.get(i);
                    w.set(i, w.get(j));
                    w.set(j, t);
                }
            }
        }
        return String.join(" ", w);
    }

    private String typo(String name) {
        if (name.length() < 4) {
            return name;
        }
        int i = 1 + random.nextInt(name.length() - 2);
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, i) + name.substring(i + 1); // dropped letter
            case 1 ->
                name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2); // swapped letters
            default -> name.substring(0, i) + name.charAt(i) + name.substring(i); // doubled letter
        };
    }

    private String spellEmail(String email) {
        return email.replace("@", " at ").replace(".", " dot ");
    }

    /** A number as an ad would write it to get past filters. */
    String obfuscate(String e164) {
        if (!e164.startsWith("+1")) {
            return e164.substring(0, 3) + " " + e164.substring(3, 5) + " " + e164.substring(5, 9) + " "
                    + e164.substring(9);
        }
        String d = e164.substring(2);
        return switch (random.nextInt(10)) {
            case 0 -> "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6);
            case 1 -> d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6);
            case 2 -> String.join(" ", d.split(""));
            case 3 ->
                String.join(random.nextBoolean() ? "*" : "/", d.substring(0, 3), d.substring(3, 6), d.substring(6));
            case 4 -> words(d, DIGIT_WORDS, " ");
            case 5 -> keycaps(d);
            case 6 -> fullwidth(d);
            case 7 ->
                d.substring(0, 3).replace('0', 'O') + " " + d.substring(3, 6) + " "
                        + d.substring(6).replace('0', 'O').replace('1', 'l');
            default -> mixed(d);
        };
    }

    private String words(String digits, String[] names, String sep) {
        List<String> out = new ArrayList<>();
        for (char c : digits.toCharArray()) {
            out.add(names[c - '0']);
        }
        return String.join(sep, out);
    }

    /** "seven0three 5five5 O142": each digit written as a digit, a word or a homophone, in three groups. */
    private String mixed(String d) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < d.length(); i++) {
            if (i == 3 || i == 6) {
                b.append(' ');
            }
            int c = d.charAt(i) - '0';
            b.append(
                    switch (random.nextInt(3)) {
                        case 0 -> String.valueOf(c);
                        case 1 -> DIGIT_WORDS[c];
                        default -> c == 0 ? "O" : DIGIT_HOMOPHONES[c];
                    });
        }
        return b.toString();
    }

    private static String keycaps(String d) {
        StringBuilder b = new StringBuilder();
        for (char c : d.toCharArray()) {
            b.append(c).append('\uFE0F').append('\u20E3');
        }
        return b.toString();
    }

    private static String fullwidth(String d) {
        StringBuilder b = new StringBuilder();
        for (char c : d.toCharArray()) {
            b.append((char) ('\uFF10' + (c - '0')));
        }
        return b.toString();
    }

    /** How the record writes a listed number: any common format. */
    private String format(String e164) {
        if (!e164.startsWith("+1")) {
            return e164;
        }
        String d = e164.substring(2);
        return switch (random.nextInt(4)) {
            case 0 -> "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6);
            case 1 -> d.substring(0, 3) + "." + d.substring(3, 6) + "." + d.substring(6);
            case 2 -> "+1 " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
            default -> d;
        };
    }

    private long flipBits(long hash, int bits) {
        long h = hash;
        for (int i = 0; i < bits; i++) {
            h ^= 1L << random.nextInt(64);
        }
        return h;
    }

    private static String hex(long v) {
        return String.format("%016x", v);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
