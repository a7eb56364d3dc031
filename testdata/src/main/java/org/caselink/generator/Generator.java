package org.caselink.generator;

import static org.caselink.generator.WordLists.CITIES;
import static org.caselink.generator.WordLists.pick;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.caselink.generator.AdText.PosterText;
import org.caselink.generator.People.TrueChild;
import org.caselink.generator.People.TruePerson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a synthetic data set in the import format, with a ground-truth file beside it. The
 * distributions follow what the field reports: most intakes are children missing from care, most
 * likely CST victims are 15 to 17, runaways repeat. Planted networks: a controller who is a
 * suspect in several children's cases across states, associates who recur (some cases name only an
 * associate, tied to the controller by a link record), and ads for the network that share phones
 * and images across cities over weeks, with phone numbers obfuscated in the text, near-duplicate
 * wording, name typos and aliases.
 *
 * <p>What real data has and a tuned analysis must not mistake for evidence: every ad is written
 * from one of a few dozen boilerplate templates, so unrelated ads share most of their words; names
 * follow Zipf-like frequencies, so common names are carried by many unrelated people; a hotline,
 * shelter numbers, an ad site's support line and stock images recur across unrelated records; some
 * different children share first name, last name and date of birth; repeat runaways' records do
 * not always carry the child id. Noise: independent posters with their own phones, plus one hub
 * phone and one hub image in very many unrelated ads. Records are written in a seeded random order
 * by default, so a link record or a later case may name a person before their first case. Same
 * seed, same bytes.
 *
 * <p>The truth file says which person mentions are the same individual, which ads belong together
 * (a network, or one independent poster), which ads re-post one text, which phones each ad hides
 * in its text, and which shared phones and images are noise.
 *
 * <p>This class decides what is planted where: networks, background cases, independent posters.
 * The people and how records mention them are {@link People}'s, the ads' words {@link AdText}'s,
 * the noise numbers and images {@link SharedEntities}', and the records with their truth {@link
 * DataSet}'s.
 */
public final class Generator {

    /**
     * @param cases case records to write
     * @param ads ad records to write
     * @param seed the random seed
     * @param shuffle write records in a seeded random order (the default) rather than the order
     *     they were generated in (each network's cases, its link records and its ads together)
     * @param templated write ads on the boilerplate templates (the default); without, every
     *     boilerplate phrase becomes as many words drawn at random, so that texts keep their length
     *     and their planted re-posts but share no boilerplate (the baseline for import speed)
     */
    public record Config(int cases, int ads, long seed, boolean shuffle, boolean templated) {
        /** Shuffled, as a real export arrives; ads written on boilerplate templates, as real ones are. */
        public Config(int cases, int ads, long seed) {
            this(cases, ads, seed, true, true);
        }

        /** Ads on boilerplate templates. */
        public Config(int cases, int ads, long seed, boolean shuffle) {
            this(cases, ads, seed, shuffle, true);
        }
    }

    private final Random random;
    private final FictionalPhones phones;
    private final SharedEntities shared;
    private final DataSet records;
    private final People people;
    private final AdText adText;
    /** People of a place who turn up in several unrelated cases (a boyfriend, a relative, a "friend"). */
    private final List<TruePerson> locals = new ArrayList<>();

    private int caseCounter;
    private int textCounter;

    /**
     * Every part draws from the one seeded stream, and the shared entities and the ad templates are
     * drawn as the parts are made: this order is part of "same seed, same bytes".
     */
    private Generator(Config config) {
        this.random = new Random(config.seed());
        this.phones = new FictionalPhones(new Random(config.seed() ^ 0x5eedL));
        this.shared = new SharedEntities(random, phones);
        PhoneFormats phoneFormats = new PhoneFormats(random);
        this.records = new DataSet(random, phoneFormats, shared);
        this.people = new People(random, phones, phoneFormats, records);
        this.adText = new AdText(random, phoneFormats, config.templated());
    }

    /** Writes {@code out} (JSON Lines) and {@code truth} (JSON). */
    public static void write(Config config, Path out, Path truth) throws IOException {
        Generator g = new Generator(config);
        g.build(config);
        if (config.shuffle()) {
            g.records.shuffle();
        }
        g.records.write(out, truth, config.seed());
    }

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
        String[] city = pick(random, CITIES);
        TrueChild child;
        boolean withoutChildId = false;
        if (type.equals("RUNAWAY") && !runaways.isEmpty() && random.nextInt(10) < 3) {
            child = runaways.get(random.nextInt(runaways.size())); // runaways repeat
            // Another agency's intake often lacks the child id: name, dob and contacts must tie them.
            withoutChildId = random.nextInt(10) < 4;
        } else {
            // Most likely victims are 15-17; younger children are rarer in these intakes.
            child = random.nextInt(10) < 7 ? people.child(15, 17, reported) : people.child(11, 14, reported);
            if (type.equals("RUNAWAY")) {
                runaways.add(child);
            }
        }
        String number = newCaseNumber(reported);
        ObjectNode o = records.caseRecord(number, type, reported, city, child, withoutChildId);
        int line = records.nextLine();
        if (random.nextInt(10) < 2) {
            TruePerson p;
            if (!locals.isEmpty() && random.nextInt(10) < 3) {
                p = locals.get(random.nextInt(locals.size())); // someone already named in another case
            } else if (random.nextInt(10) < 2) {
                p = people.person(random.nextBoolean(), 70, true);
                locals.add(p);
            } else {
                // An unrelated background suspect: a common name, rarely a dob.
                p = people.person(random.nextInt(10) < 3, 25, false);
            }
            people.mention(o.putArray("persons"), p, random.nextBoolean() ? "SUSPECT" : "ASSOCIATE", line, 0);
        }
        records.add(o);
    }

    /** A planted network; returns how many case and ad records it wrote. */
    private int[] network(int n, int caseCount, int adCount) {
        String id = "N" + (n + 1);
        TruePerson controller = people.person(true, 70, true);
        List<TruePerson> associates =
                List.of(people.person(true, 70, true), people.person(random.nextBoolean(), 70, true));
        records.networkController(id, controller.id());
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
            circuit.add(pick(random, CITIES));
        }
        List<TrueChild> victims = new ArrayList<>();
        OffsetDateTime start = randomTime(2022, 3);
        for (int i = 0; i < caseCount; i++) {
            String[] city = circuit.get(i % circuit.size());
            OffsetDateTime reported = start.plusDays(random.nextInt(200));
            TrueChild child = people.child(14, 17, reported);
            victims.add(child);
            String number = newCaseNumber(reported);
            ObjectNode o = records.caseRecord(
                    number, i % 3 == 0 ? "CST_TIP" : "MISSING_FROM_CARE", reported, city, child, false);
            int line = records.nextLine();
            var persons = o.putArray("persons");
            if (i > 0 && random.nextInt(10) < 3) {
                // The victim named only the associate who ran her: the controller is a link away.
                people.mention(persons, associates.getFirst(), random.nextBoolean() ? "SUSPECT" : "ASSOCIATE", line, 0);
            } else {
                people.mention(persons, controller, "SUSPECT", line, 0);
                people.mention(persons, associates.get(i % 2), "ASSOCIATE", line, 1);
            }
            if (random.nextInt(10) < 5) {
                records.addCasePhone(o, networkPhones.get(random.nextInt(networkPhones.size())));
            }
            records.caseNetwork(number, id);
            records.add(o);
        }
        for (TruePerson a : associates) {
            if (a.personId() != null && people.written(a.personId()) && people.written(controller.personId())) {
                records.link(a.personId(), controller.personId());
            }
        }
        String text = "T" + (++textCounter);
        PosterText poster = adText.poster();
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
            String body = adText.body(poster, city, inText);
            if (random.nextInt(5) == 0) {
                body += " or write " + AdText.spellEmail(email);
            }
            List<String> hashes = new ArrayList<>();
            long image = images.get(random.nextInt(images.size()));
            hashes.add(DataSet.hex(random.nextInt(3) == 0 ? flipBits(image, 1 + random.nextInt(3)) : image));
            records.ad(id, text, posted, city, adText.title(poster, city), body, listed, inText, hashes);
        }
        return new int[] {caseCount, adCount};
    }

    private void noiseAds(int count) {
        int written = 0;
        while (written < count) {
            // An independent poster: one phone, one or two images, a few ads in one city, one text of
            // their own on a common template.
            String posterId = "P" + (written + 1);
            String text = "T" + (++textCounter);
            String phone = phones.next();
            List<Long> images = List.of(random.nextLong(), random.nextLong());
            String[] city = pick(random, CITIES);
            PosterText poster = adText.poster();
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
                    listed.add(shared.hubPhone()); // hub noise: a number in very many unrelated ads
                }
                List<String> hashes = new ArrayList<>(List.of(DataSet.hex(images.get(random.nextInt(2)))));
                if (random.nextInt(30) == 0) {
                    hashes.add(DataSet.hex(shared.hubImage()));
                }
                records.ad(
                        "poster-" + posterId,
                        text,
                        start.plusDays(i * 3L),
                        city,
                        adText.title(poster, city),
                        adText.body(poster, city, inText),
                        listed,
                        inText,
                        hashes);
            }
            written += ads;
        }
    }

    private long flipBits(long hash, int bits) {
        long h = hash;
        for (int i = 0; i < bits; i++) {
            h ^= 1L << random.nextInt(64);
        }
        return h;
    }
}
