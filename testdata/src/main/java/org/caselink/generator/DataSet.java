package org.caselink.generator;

import static org.caselink.generator.WordLists.AGENCIES_BY_STATE;
import static org.caselink.generator.WordLists.PLATFORMS;
import static org.caselink.generator.WordLists.SITES;
import static org.caselink.generator.WordLists.pick;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.caselink.generator.People.TrueChild;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The records of a data set in the import format (case, link and ad records) and the ground truth
 * about them, kept side by side as they are made and written to the two files together. Apart from
 * the {@link Generator} that decides what to plant, so that the import format and the truth file's
 * keys live in one place.
 */
final class DataSet {

    private final Random random;
    private final PhoneFormats phoneFormats;
    private final SharedEntities shared;
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ObjectNode> lines = new ArrayList<>();
    /** "line:index" in generation order until {@link #shuffle} renumbers it. */
    private Map<String, String> personTruth = new TreeMap<>();

    private final Map<String, String> adGroup = new TreeMap<>();
    private final Map<String, String> adText = new TreeMap<>();
    private final Map<String, List<String>> adTextPhones = new TreeMap<>();
    private final Map<String, String> caseNetwork = new TreeMap<>();
    /** Case number to its true child: a repeat runaway's cases share one. */
    private final Map<String, String> caseChild = new TreeMap<>();

    private final Map<String, String> networkController = new TreeMap<>();
    /** Pairs of different true children planted with the same first name, last name and dob. */
    private final List<List<String>> namesakes = new ArrayList<>();

    private int adCounter;

    DataSet(Random random, PhoneFormats phoneFormats, SharedEntities shared) {
        this.random = random;
        this.phoneFormats = phoneFormats;
        this.shared = shared;
    }

    /** The line number the next record added will have. */
    int nextLine() {
        return lines.size() + 1;
    }

    void add(ObjectNode record) {
        lines.add(record);
    }

    /** A case record about {@code child}, not yet added; the caller names the people in it. */
    ObjectNode caseRecord(
            String caseNumber,
            String type,
            OffsetDateTime reported,
            String[] city,
            TrueChild child,
            boolean withoutChildId) {
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
        if (child.childId() != null && !withoutChildId) {
            c.put("childId", child.childId());
        }
        c.put("firstName", child.first());
        c.put("lastName", child.last());
        c.put("dob", child.dob().toString());
        c.put("sex", child.sex());
        if (child.phone() != null) {
            c.putArray("phones").add(phoneFormats.format(child.phone()));
        }
        if (child.handle() != null) {
            ObjectNode h = c.putArray("handles").addObject();
            h.put("platform", pick(random, PLATFORMS));
            h.put("handle", "@" + child.handle());
        }
        o.putArray("locations").addObject().put("city", city[0]).put("state", city[1]);
        shared.onCase(type, phone -> addCasePhone(o, phone));
        return o;
    }

    /** Adds a number to a case record's phones, written in any common format. */
    void addCasePhone(ObjectNode caseRecord, String e164) {
        ArrayNode phones = caseRecord.get("phones") instanceof ArrayNode a ? a : caseRecord.putArray("phones");
        phones.add(phoneFormats.format(e164));
    }

    /** A link record: an interview tied the associate {@code from} to the controller {@code to}. */
    void link(String from, String to) {
        ObjectNode link = json.createObjectNode();
        link.put("kind", "link");
        link.put("from", from);
        link.put("to", to);
        link.put("type", "ASSOCIATED_WITH");
        link.put("source", "generator:interview");
        lines.add(link);
    }

    /**
     * Adds an ad record and its truth.
     *
     * @param group the network or independent poster the ad belongs to
     * @param text the text the ad re-posts
     * @param listed numbers in the ad's phone field (the shared support line may join them)
     * @param inText numbers hidden in the body
     * @param hashes image hashes (stock pictures may join them)
     */
    void ad(
            String group,
            String text,
            OffsetDateTime posted,
            String[] city,
            String title,
            String body,
            List<String> listed,
            List<String> inText,
            List<String> hashes) {
        String adId = String.format("AD-%07d", ++adCounter);
        shared.onAd(listed, hashes);
        ObjectNode o = json.createObjectNode();
        o.put("kind", "ad");
        o.put("adId", adId);
        o.put("site", pick(random, SITES));
        o.put("url", "https://ads.example/" + adId);
        o.put("postedAt", posted.toString());
        o.put("city", city[0]);
        o.put("state", city[1]);
        o.put("title", title);
        o.put("body", body);
        ArrayNode ps = o.putArray("phones");
        listed.forEach(p -> ps.add(phoneFormats.format(p)));
        o.putArray("emails");
        o.putArray("handles");
        ArrayNode hs = o.putArray("imageHashes");
        hashes.forEach(hs::add);
        adGroup.put(adId, group);
        adText.put(adId, text);
        adTextPhones.put(adId, List.copyOf(inText));
        lines.add(o);
    }

    /** The mention at {@code index} of the persons in the record at {@code line} is the true person {@code trueId}. */
    void personMention(int line, int index, String trueId) {
        personTruth.put(line + ":" + index, trueId);
    }

    void caseNetwork(String caseNumber, String network) {
        caseNetwork.put(caseNumber, network);
    }

    void networkController(String network, String controller) {
        networkController.put(network, controller);
    }

    /** Two different true children with the same first name, last name and date of birth. */
    void namesakes(String earlier, String later) {
        namesakes.add(List.of(earlier, later));
    }

    /** How a record writes an image hash. */
    static String hex(long v) {
        return String.format("%016x", v);
    }

    /** Puts the records in a seeded random order and renumbers the person truth to match. */
    void shuffle() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int[] newLine = new int[lines.size()];
        List<ObjectNode> shuffled = new ArrayList<>(lines.size());
        for (int i = 0; i < order.size(); i++) {
            shuffled.add(lines.get(order.get(i)));
            newLine[order.get(i)] = i + 1;
        }
        Map<String, String> renumbered = new TreeMap<>();
        personTruth.forEach((key, person) -> {
            int colon = key.indexOf(':');
            int line = Integer.parseInt(key.substring(0, colon));
            renumbered.put(newLine[line - 1] + key.substring(colon), person);
        });
        lines.clear();
        lines.addAll(shuffled);
        personTruth = renumbered;
    }

    /** Writes {@code out} (JSON Lines) and {@code truth} (JSON). */
    void write(Path out, Path truth, long seed) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (ObjectNode line : lines) {
                w.write(json.writeValueAsString(line));
                w.write('\n');
            }
        }
        Map<String, Object> t = new TreeMap<>();
        t.put("persons", personTruth);
        t.put("adGroups", adGroup);
        t.put("adTexts", adText);
        t.put("adTextPhones", adTextPhones);
        t.put("caseNetworks", caseNetwork);
        t.put("caseChildren", caseChild);
        t.put("childNamesakes", namesakes);
        t.put("networkControllers", networkController);
        t.put("casePersons", casePersons());
        t.put("sharedEntities", shared.truth());
        t.put("seed", seed);
        Files.writeString(truth, json.writerWithDefaultPrettyPrinter().writeValueAsString(t), StandardCharsets.UTF_8);
    }

    /**
     * Case number to the true people its record names (suspects and associates): two cases that
     * name one true person are linked in truth, as two cases of one network or one child are (an
     * associate who recurs in two states is the lead the service exists to find).
     */
    private Map<String, List<String>> casePersons() {
        Map<String, List<String>> out = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = lines.get(i);
            if (!"case".equals(line.path("kind").asString("")) || !line.has("persons")) {
                continue;
            }
            List<String> people = new ArrayList<>();
            for (int j = 0; j < line.get("persons").size(); j++) {
                String who = personTruth.get((i + 1) + ":" + j);
                if (who != null && !people.contains(who)) {
                    people.add(who);
                }
            }
            out.put(line.get("caseNumber").asString(), people);
        }
        return out;
    }
}
