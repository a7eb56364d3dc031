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
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
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

    // Ordered most common first: drawn with Zipf weights (see ZIPF_LAST).
    private static final String[] FIRST_F = {
        "Maria", "Jessica", "Ashley", "Jennifer", "Emily", "Sarah", "Samantha", "Elizabeth", "Emma", "Olivia",
        "Madison", "Isabella", "Sophia", "Hannah", "Abigail", "Alexis", "Brianna", "Taylor", "Destiny", "Kayla",
        "Lauren", "Megan", "Nicole", "Stephanie", "Amanda", "Rachel", "Brittany", "Victoria", "Alyssa", "Jasmine",
        "Mia", "Ava", "Chloe", "Natalie", "Grace", "Anna", "Alexandra", "Sydney", "Hailey", "Gabriela",
        "Andrea", "Daniela", "Mariana", "Jacqueline", "Vanessa", "Diana", "Michelle", "Melissa", "Kimberly", "Angela",
        "Amber", "Danielle", "Courtney", "Tiffany", "Crystal", "Erica", "Heather", "Kelsey", "Morgan", "Paige",
        "Kaitlyn", "Jordan", "Savannah", "Aaliyah", "Imani", "Jada", "Kiara", "Nevaeh", "Trinity", "Zoe",
        "Lily", "Ella", "Avery", "Addison", "Leah", "Evelyn", "Camila", "Valeria", "Ximena", "Lucia",
        "Julia", "Ariana", "Layla", "Aubrey", "Brooklyn", "Makayla", "Faith", "Jenna", "Autumn", "Sierra"
    };
    private static final String[] FIRST_M = {
        "James", "Michael", "Robert", "John", "David", "William", "Richard", "Joseph", "Thomas", "Christopher",
        "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Andrew", "Joshua", "Kevin",
        "Brian", "Jose", "Juan", "Carlos", "Luis", "Jason", "Justin", "Ryan", "Brandon", "Tyler",
        "Eric", "Jacob", "Nicholas", "Jonathan", "Aaron", "Adam", "Marcus", "Terrence", "Andre", "Darnell",
        "Tyrone", "Jamal", "DeShawn", "Malik", "Isaiah", "Elijah", "Jeremiah", "Xavier", "Miguel", "Jesus",
        "Antonio", "Alejandro", "Ricardo", "Eduardo", "Francisco", "Javier", "Manuel", "Pedro", "Rafael", "Victor",
        "Angel", "Omar", "Hector", "Raymond", "Gregory", "Patrick", "Dennis", "Jerry", "Tony", "Travis",
        "Derek", "Shawn", "Corey", "Dustin", "Kyle", "Cody", "Austin", "Dylan", "Ethan", "Noah",
        "Logan", "Mason", "Caleb", "Gavin", "Trevor", "Devin", "Dominic", "Lamar", "Reginald", "Wesley"
    };
    private static final String[] LAST = {
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
        "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
        "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
        "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
        "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
        "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham",
        "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson",
        "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens",
        "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen",
        "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter",
        "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks",
        "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox",
        "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens",
        "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins"
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

    /**
     * Boilerplate that real ads repeat, most common first (templates draw them with Zipf weights).
     * Slots: {city}, {day} (filled per ad), {nick}, {age} (filled per poster).
     */
    private static final String[] PHRASES = {
        "new 2 the area",
        "100% real pics",
        "call b4 10pm",
        "no rush",
        "incall/outcall available",
        "ask about specials",
        "no law enforcement",
        "no blocked calls",
        "serious gentlemen only",
        "in town for a limited time",
        "here this {day} only",
        "visiting {city} for a few days",
        "{nick} here",
        "{age} and ready to play",
        "available 24/7",
        "upscale and discreet",
        "clean safe and discreet",
        "no games no drama",
        "pics are 100% me",
        "if you are not real do not call",
        "donations only",
        "special rates for regulars",
        "please be respectful",
        "ask for {nick}",
        "outcall to hotels only",
        "incall near the airport",
        "last night in {city}",
        "the girl next door",
        "you wont be disappointed",
        "your satisfaction is my priority",
        "leave a message if i dont answer",
        "text only no calls",
        "screening required for new friends",
        "come relax with me",
        "let me make your day",
        "best in {city}",
        "discreet hotel visits",
        "easy going and fun",
        "cash only",
        "serious inquiries only",
        "no explicit talk over the phone",
        "mention this ad",
        "available day and night",
        "new pics just added",
        "dont miss out",
        "fun friendly and open minded",
        "private and secure location",
        "real and verified",
        "satisfaction guaranteed",
        "sweet and petite"
    };

    private static final String[] TITLES = {
        "{nick} new in {city}",
        "new 2 {city} {nick}",
        "{age} {nick} in {city} tonight",
        "sweet {nick} visiting {city}",
        "100% real {nick} {city}",
        "{city} incall/outcall {nick}",
        "last days in {city}",
        "{nick} available {day}",
        "{day} specials in {city}",
        "{nick} {age} real pics",
        "ask about specials {nick}",
        "{city} upscale {nick}"
    };
    private static final String[] NICKS = {
        "Candy",
        "Honey",
        "Star",
        "Kitty",
        "Angel",
        "Bunny",
        "Peaches",
        "Cherry",
        "Ruby",
        "Diamond",
        "Crystal",
        "Bambi",
        "Lexi",
        "Roxy",
        "Coco",
        "Mimi",
        "Gigi",
        "Lulu",
        "Jade",
        "Skye",
        "Storm",
        "Raven",
        "Sugar",
        "Barbie",
        "Kandi",
        "Precious",
        "Princess",
        "Luna",
        "Nova",
        "Cleo",
        "Dolly",
        "Trixie",
        "Sasha",
        "Tasha",
        "Paris",
        "Milan",
        "Rio",
        "Velvet",
        "Pearl",
        "Sunny"
    };
    private static final String[] AGES = {"19yo", "20yo", "21yo", "22yo", "young", "fresh", "new girl", "petite"};
    private static final String[] DAYS = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "week"
    };
    /** Words for the part of an ad its poster wrote: a description of several hundred possible words. */
    private static final String[] VOCAB = {
        "auburn", "raven", "golden", "chestnut", "caramel", "copper", "platinum", "silver", "hazel", "emerald",
        "sapphire", "amber", "ebony", "ivory", "bronze", "freckled", "dimpled", "tanned", "toned", "athletic",
        "slender", "curvy", "tall", "tiny", "bubbly", "shy", "playful", "witty", "gentle", "charming",
        "elegant", "sassy", "spicy", "mellow", "mysterious", "adventurous", "cozy", "sunny", "stormy", "midnight",
        "crimson", "scarlet", "violet", "indigo", "turquoise", "teal", "magenta", "lilac", "mint", "peach",
        "jazz", "salsa", "yoga", "tattoo", "piercing", "braids", "curls", "bangs", "ponytail", "lipstick",
        "perfume", "vanilla", "lavender", "jasmine", "coconut", "mango", "strawberry", "cinnamon", "espresso", "latte",
        "wine", "champagne", "tequila", "sushi", "tacos", "beach", "sunset", "moonlight", "poetry", "painting",
        "guitar", "piano", "dancing", "karaoke", "gaming", "anime", "basketball", "soccer", "tennis", "hiking",
        "surfing", "skating", "boots", "heels", "sneakers", "lingerie", "denim", "leather", "lace", "satin",
        "sundress", "hoodie", "bracelet", "anklet", "necklace", "earrings", "glasses", "freckles", "dimples", "smile",
        "laugh", "accent", "southern", "island", "midwest", "coastal", "country", "city", "uptown", "downtown",
        "butterfly", "dragon", "rose", "lotus", "tiger", "panther", "dove", "swan", "fox", "kitten",
        "sparkle", "glitter", "shimmer", "glow", "blush", "velour", "silk", "cashmere", "velvet", "suede",
        "tropical", "exotic", "classic", "vintage", "modern", "urban", "rustic", "bohemian", "preppy", "sporty",
        "nerdy", "bookish", "artsy", "musical", "creative", "curious", "cheerful", "warm", "sincere", "honest",
        "patient", "attentive", "caring", "sweetheart", "darling", "sugarplum", "cupcake", "muffin", "cookie",
                "brownie",
        "candle", "bubble", "bath", "massage", "oil", "lotion", "spa", "sauna", "pool", "jacuzzi",
        "penthouse", "suite", "loft", "condo", "studio", "balcony", "skyline", "harbor", "river", "lake",
        "mountain", "desert", "forest", "garden", "meadow", "valley", "canyon", "prairie", "bayou", "marina",
        "movie", "popcorn", "netflix", "cuddle", "conversation", "dinner", "lunch", "brunch", "coffee", "dessert",
        "chocolate", "caramel", "honeydew", "cherry", "blueberry", "raspberry", "kiwi", "papaya", "pineapple", "lime",
        "lemon", "orange", "apricot", "plum", "fig", "melon", "grape", "pomegranate", "guava", "passion",
        "fire", "ice", "thunder", "rain", "snow", "breeze", "wave", "tide", "storm", "cloud",
        "star", "moon", "sun", "comet", "galaxy", "planet", "orbit", "aurora", "eclipse", "nebula",
        "queen", "duchess", "goddess", "muse", "diva", "siren", "nymph", "fairy", "pixie", "sprite",
        "blonde", "brunette", "redhead", "highlights", "ombre", "pixiecut", "bob", "waves", "straight", "wavy",
        "green", "blue", "brown", "gray", "eyes", "lashes", "lips", "cheeks", "hips", "legs",
        "soft", "smooth", "silky", "gentle", "tender", "sweet", "spicy", "naughty", "nice", "wild",
        "calm", "relaxed", "easygoing", "energetic", "lively", "chill", "laidback", "flirty", "giggly", "goofy",
        "student", "dancer", "model", "singer", "artist", "nurse", "barista", "gamer", "traveler", "foodie",
        "tattooed", "pierced", "natural", "petite", "thick", "fit", "busty", "leggy", "slim", "shapely",
        "morning", "afternoon", "evening", "late", "early", "overnight", "weekday", "holiday", "summer", "winter",
        "spring", "autumn", "seaside", "lakeside", "roadtrip", "passport", "airport", "hotel", "motel", "lounge"
    };

    private static final String[] DIGIT_WORDS = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
    };
    private static final String[] DIGIT_HOMOPHONES = {
        "oh", "won", "to", "three", "for", "five", "six", "seven", "ate", "nine"
    };

    // Names: exponent 0.5 over these short lists puts the commonest last name on about 4% of
    // people and the ten commonest on about 19% (exponent 1 made it 16%, far beyond any real
    // surname); boilerplate phrases: exponent 1, a few phrases in most ads.
    private static final double[] ZIPF_FIRST_F = zipf(FIRST_F.length, 0.5);
    private static final double[] ZIPF_FIRST_M = zipf(FIRST_M.length, 0.5);
    private static final double[] ZIPF_LAST = zipf(LAST.length, 0.5);
    private static final double[] ZIPF_PHRASES = zipf(PHRASES.length, 1.0);

    private static final int TEMPLATE_COUNT = 40;

    private final Random random;
    private final FictionalPhones phones;
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
    /** Person ids some record has carried: a link record may only name those. */
    private final Set<String> idsWritten = new TreeSet<>();

    private final List<TrueChild> children = new ArrayList<>();
    /** People of a place who turn up in several unrelated cases (a boyfriend, a relative, a "friend"). */
    private final List<TruePerson> locals = new ArrayList<>();

    /** Numbers and images that recur across unrelated records: none is evidence of a link. */
    private final String hotline;

    private final List<String> shelters = new ArrayList<>();
    private final double[] shelterRates;
    private final String supportLine;
    private final List<Long> stockImages = new ArrayList<>();
    private final double[] stockRates = {0.02, 0.012, 0.008, 0.005, 0.003};
    private final String hubPhone;
    private final long hubImage;

    /** Ad templates: a title and the boilerplate phrases, with "{desc}" where the poster's own words go. */
    private record Template(String title, List<String> parts) {}

    private final List<Template> templates = new ArrayList<>();
    private boolean templated = true;

    private int caseCounter;
    private int adCounter;
    private int personCounter;
    private int childCounter;
    private int textCounter;

    private Generator(long seed) {
        this.random = new Random(seed);
        this.phones = new FictionalPhones(new Random(seed ^ 0x5eedL));
        this.hotline = phones.next();
        int shelterCount = 6 + random.nextInt(5);
        this.shelterRates = new double[shelterCount];
        for (int i = 0; i < shelterCount; i++) {
            shelters.add(phones.next());
            shelterRates[i] = 0.003 + 0.007 * i / (shelterCount - 1);
        }
        this.supportLine = phones.next();
        for (int i = 0; i < stockRates.length; i++) {
            stockImages.add(random.nextLong());
        }
        this.hubPhone = phones.next();
        this.hubImage = random.nextLong();
        for (int t = 0; t < TEMPLATE_COUNT; t++) {
            templates.add(template());
        }
    }

    /** Writes {@code out} (JSON Lines) and {@code truth} (JSON). */
    public static void write(Config config, Path out, Path truth) throws IOException {
        Generator g = new Generator(config.seed());
        g.templated = config.templated();
        g.build(config);
        if (config.shuffle()) {
            g.shuffle();
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (ObjectNode line : g.lines) {
                w.write(g.json.writeValueAsString(line));
                w.write('\n');
            }
        }
        Map<String, Object> t = new TreeMap<>();
        t.put("persons", g.personTruth);
        t.put("adGroups", g.adGroup);
        t.put("adTexts", g.adText);
        t.put("adTextPhones", g.adTextPhones);
        t.put("caseNetworks", g.caseNetwork);
        t.put("caseChildren", g.caseChild);
        t.put("childNamesakes", g.namesakes);
        t.put("networkControllers", g.networkController);
        t.put("casePersons", g.casePersons());
        Map<String, Object> shared = new LinkedHashMap<>();
        List<String> sharedPhones = new ArrayList<>();
        sharedPhones.add(g.hotline);
        sharedPhones.addAll(g.shelters);
        sharedPhones.add(g.supportLine);
        sharedPhones.add(g.hubPhone);
        List<String> sharedImages = new ArrayList<>();
        g.stockImages.forEach(i -> sharedImages.add(hex(i)));
        sharedImages.add(hex(g.hubImage));
        shared.put("phones", sharedPhones);
        shared.put("images", sharedImages);
        t.put("sharedEntities", shared);
        t.put("seed", config.seed());
        Files.writeString(truth, g.json.writerWithDefaultPrettyPrinter().writeValueAsString(t), StandardCharsets.UTF_8);
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

    /** Puts the records in a seeded random order and renumbers the person truth to match. */
    private void shuffle() {
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

    /**
     * @param withId whether the source systems know the person by an id
     * @param dobPercent how often the records know the date of birth
     * @param corroborated whether a mention without the id still carries a dob, phone or email
     */
    private TruePerson person(boolean withId, int dobPercent, boolean corroborated) {
        int n = ++personCounter;
        String first = zipfPick(FIRST_M, ZIPF_FIRST_M);
        String last = zipfPick(LAST, ZIPF_LAST);
        List<String> aliases =
                random.nextInt(3) == 0 ? List.of(first.charAt(0) + "" + last.charAt(0), "Big " + first) : List.of();
        LocalDate dob = random.nextInt(100) < dobPercent
                ? LocalDate.of(1970 + random.nextInt(30), 1 + random.nextInt(12), 1 + random.nextInt(28))
                : null;
        List<String> ps = new ArrayList<>();
        if (random.nextInt(10) < 6 || (corroborated && dob == null)) {
            ps.add(phones.next());
        }
        List<String> es = random.nextInt(10) < 3
                ? List.of(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT) + n + "@example.com")
                : List.of();
        return new TruePerson("T-P" + n, first, last, aliases, dob, withId ? "P-" + n : null, ps, es);
    }

    private TrueChild child(int minAge, int maxAge, OffsetDateTime reported) {
        int n = ++childCounter;
        if (!children.isEmpty() && random.nextInt(100) == 0) {
            // A namesake: another child with the same first name, last name and date of birth.
            TrueChild other = children.get(random.nextInt(children.size()));
            TrueChild c = new TrueChild(
                    "T-C" + n,
                    random.nextBoolean() ? "CH-" + n : null,
                    other.first(),
                    other.last(),
                    other.dob(),
                    other.sex(),
                    random.nextInt(10) < 5 ? phones.next() : null,
                    random.nextInt(10) < 4 ? other.first().toLowerCase(Locale.ROOT) + "." + n : null);
            namesakes.add(List.of(other.id(), c.id()));
            children.add(c);
            return c;
        }
        boolean girl = random.nextInt(10) < 8;
        String first = girl ? zipfPick(FIRST_F, ZIPF_FIRST_F) : zipfPick(FIRST_M, ZIPF_FIRST_M);
        String last = zipfPick(LAST, ZIPF_LAST);
        int age = minAge + random.nextInt(maxAge - minAge + 1);
        LocalDate dob = reported.toLocalDate().minusYears(age).minusDays(random.nextInt(365));
        String phone = random.nextInt(10) < 5 ? phones.next() : null;
        String handle = random.nextInt(10) < 4 ? first.toLowerCase(Locale.ROOT) + "." + n : null;
        TrueChild c = new TrueChild(
                "T-C" + n,
                random.nextInt(10) < 8 ? "CH-" + n : null,
                first,
                last,
                dob,
                girl ? "F" : "M",
                phone,
                handle);
        children.add(c);
        return c;
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
            c.putArray("phones").add(format(child.phone()));
        }
        if (child.handle() != null) {
            ObjectNode h = c.putArray("handles").addObject();
            h.put("platform", pick(PLATFORMS));
            h.put("handle", "@" + child.handle());
        }
        o.putArray("locations").addObject().put("city", city[0]).put("state", city[1]);
        // Numbers many unrelated intakes carry: a hotline, the shelter or group home a child left.
        if (random.nextInt(1000) < 20) {
            casePhones(o).add(format(hotline));
        }
        double careFactor = type.equals("MISSING_FROM_CARE") ? 1.6 : 0.3;
        for (int i = 0; i < shelters.size(); i++) {
            if (random.nextDouble() < shelterRates[i] * careFactor) {
                casePhones(o).add(format(shelters.get(i)));
            }
        }
        return o;
    }

    private static ArrayNode casePhones(ObjectNode o) {
        return o.get("phones") instanceof ArrayNode a ? a : o.putArray("phones");
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
        boolean withoutChildId = false;
        if (type.equals("RUNAWAY") && !runaways.isEmpty() && random.nextInt(10) < 3) {
            child = runaways.get(random.nextInt(runaways.size())); // runaways repeat
            // Another agency's intake often lacks the child id: name, dob and contacts must tie them.
            withoutChildId = random.nextInt(10) < 4;
        } else {
            // Most likely victims are 15-17; younger children are rarer in these intakes.
            child = random.nextInt(10) < 7 ? child(15, 17, reported) : child(11, 14, reported);
            if (type.equals("RUNAWAY")) {
                runaways.add(child);
            }
        }
        String number = newCaseNumber(reported);
        ObjectNode o = caseRecord(number, type, reported, city, child, withoutChildId);
        int line = lines.size() + 1;
        if (random.nextInt(10) < 2) {
            TruePerson p;
            if (!locals.isEmpty() && random.nextInt(10) < 3) {
                p = locals.get(random.nextInt(locals.size())); // someone already named in another case
            } else if (random.nextInt(10) < 2) {
                p = person(random.nextBoolean(), 70, true);
                locals.add(p);
            } else {
                // An unrelated background suspect: a common name, rarely a dob.
                p = person(random.nextInt(10) < 3, 25, false);
            }
            o.putArray("persons").add(mention(p, random.nextBoolean() ? "SUSPECT" : "ASSOCIATE", line, 0));
        }
        lines.add(o);
    }

    /** A planted network; returns how many case and ad records it wrote. */
    private int[] network(int n, int caseCount, int adCount) {
        String id = "N" + (n + 1);
        TruePerson controller = person(true, 70, true);
        List<TruePerson> associates = List.of(person(true, 70, true), person(random.nextBoolean(), 70, true));
        networkController.put(id, controller.id());
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
            ObjectNode o =
                    caseRecord(number, i % 3 == 0 ? "CST_TIP" : "MISSING_FROM_CARE", reported, city, child, false);
            int line = lines.size() + 1;
            var persons = o.putArray("persons");
            if (i > 0 && random.nextInt(10) < 3) {
                // The victim named only the associate who ran her: the controller is a link away.
                persons.add(mention(associates.getFirst(), random.nextBoolean() ? "SUSPECT" : "ASSOCIATE", line, 0));
            } else {
                persons.add(mention(controller, "SUSPECT", line, 0));
                persons.add(mention(associates.get(i % 2), "ASSOCIATE", line, 1));
            }
            if (random.nextInt(10) < 5) {
                casePhones(o).add(format(networkPhones.get(random.nextInt(networkPhones.size()))));
            }
            caseNetwork.put(number, id);
            lines.add(o);
        }
        for (TruePerson a : associates) {
            if (a.personId() != null
                    && idsWritten.contains(a.personId())
                    && idsWritten.contains(controller.personId())) {
                ObjectNode link = json.createObjectNode();
                link.put("kind", "link");
                link.put("from", a.personId());
                link.put("to", controller.personId());
                link.put("type", "ASSOCIATED_WITH");
                link.put("source", "generator:interview");
                lines.add(link);
            }
        }
        String text = "T" + (++textCounter);
        Template template = templates.get(random.nextInt(templates.size()));
        String nick = pick(NICKS);
        String base = baseText(template, nick);
        String title =
                fillPoster(templated ? template.title() : words(template.title().split(" ").length), nick);
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
            String body = fillAd(edit(base), city) + " " + contactText(inText);
            if (random.nextInt(5) == 0) {
                body += " or write " + spellEmail(email);
            }
            List<String> hashes = new ArrayList<>();
            long image = images.get(random.nextInt(images.size()));
            hashes.add(hex(random.nextInt(3) == 0 ? flipBits(image, 1 + random.nextInt(3)) : image));
            ad(id, text, posted, city, fillAd(title, city), body, listed, inText, hashes);
        }
        return new int[] {caseCount, adCount};
    }

    // ---------------------------------------------------------------- ads

    private void noiseAds(int count) {
        int written = 0;
        while (written < count) {
            // An independent poster: one phone, one or two images, a few ads in one city, one text of
            // their own on a common template.
            String poster = "P" + (written + 1);
            String text = "T" + (++textCounter);
            String phone = phones.next();
            List<Long> images = List.of(random.nextLong(), random.nextLong());
            String[] city = pick(CITIES);
            Template template = templates.get(random.nextInt(templates.size()));
            String nick = pick(NICKS);
            String base = baseText(template, nick);
            String title = fillPoster(
                    templated ? template.title() : words(template.title().split(" ").length), nick);
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
                        text,
                        start.plusDays(i * 3L),
                        city,
                        fillAd(title, city),
                        fillAd(edit(base), city) + " " + contactText(inText),
                        listed,
                        inText,
                        hashes);
            }
            written += ads;
        }
    }

    private void ad(
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
        if (random.nextInt(1000) < 20) {
            listed.add(supportLine); // the site's support number, pasted into ads
        }
        for (int i = 0; i < stockImages.size(); i++) {
            if (random.nextDouble() < stockRates[i]) {
                hashes.add(hex(stockImages.get(i))); // a stock picture many unrelated posters use
            }
        }
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
        adText.put(adId, text);
        adTextPhones.put(adId, List.copyOf(inText));
        lines.add(o);
    }

    // ---------------------------------------------------------------- templates

    /** A template: a title and four to seven boilerplate phrases (common ones more often), the poster's words among them. */
    private Template template() {
        int count = 4 + random.nextInt(4);
        List<String> parts = new ArrayList<>();
        while (parts.size() < count) {
            String p = zipfPick(PHRASES, ZIPF_PHRASES);
            if (!parts.contains(p)) {
                parts.add(p);
            }
        }
        Collections.shuffle(parts, random);
        parts.add(1 + random.nextInt(parts.size() - 1), "{desc}");
        return new Template(pick(TITLES), List.copyOf(parts));
    }

    /** A poster's own text: the template with their nickname, an age word and a description of 6 to 12 words of their own. */
    private String baseText(Template template, String nick) {
        String age = pick(AGES);
        StringBuilder desc = new StringBuilder();
        for (int i = 0, n = 6 + random.nextInt(7); i < n; i++) {
            desc.append(i == 0 ? "" : " ").append(pick(VOCAB));
        }
        List<String> out = new ArrayList<>();
        for (String part : template.parts()) {
            out.add(part.equals("{desc}") ? desc.toString() : templated ? part : words(part.split(" ").length));
        }
        return String.join(" ", out).replace("{nick}", nick).replace("{age}", age);
    }

    /** {@code n} words of the poster's vocabulary, drawn at random. */
    private String words(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : " ").append(pick(VOCAB));
        }
        return out.toString();
    }

    private String fillPoster(String text, String nick) {
        return text.replace("{nick}", nick).replace("{age}", pick(AGES));
    }

    /** The slots a re-post changes: the city it is posted in, the day. */
    private String fillAd(String text, String[] city) {
        return text.replace("{city}", city[0]).replace("{day}", pick(DAYS));
    }

    private String contactText(List<String> inText) {
        if (inText.isEmpty()) {
            return "call now";
        }
        return pick(new String[] {"call", "text", "txt me", "hit me up", "ask for me at"}) + " "
                + obfuscate(inText.getFirst());
    }

    // ---------------------------------------------------------------- text

    /** A near-duplicate: a word dropped, swapped or replaced now and then, as re-posted ads do. */
    private String edit(String text) {
        List<String> w = new ArrayList<>(List.of(text.split(" ")));
        int edits = random.nextInt(3);
        for (int e = 0; e < edits && w.size() > 3; e++) {
            int i = random.nextInt(w.size());
            switch (random.nextInt(3)) {
                case 0 -> w.remove(i);
                case 1 -> w.set(i, pick(VOCAB));
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

    /** Cumulative Zipf weights (exponent 1) for n values, most common first. */
    private static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        return cumulative;
    }

    private String zipfPick(String[] values, double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return values[Math.min(values.length - 1, i >= 0 ? i : -i - 1)];
    }
}
