package org.caselink.generator;

import java.util.Arrays;
import java.util.Random;

/**
 * The names, places and ad words the generator draws from, with the Zipf weights that make common
 * names and boilerplate common. Data, not behaviour: apart so the classes that compose records read
 * as logic, and so a list can be tuned without touching how it is used.
 */
final class WordLists {

    private WordLists() {}

    // Ordered most common first: drawn with Zipf weights (see ZIPF_LAST).
    static final String[] FIRST_F = {
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
    static final String[] FIRST_M = {
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
    static final String[] LAST = {
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
    static final String[][] CITIES = {
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
    static final String[] AGENCIES_BY_STATE = {"FCPD", "CPD", "SO", "MPD", "DCS"};
    static final String[] SITES = {"example-classifieds", "sample-listings", "demo-board", "test-escorts", "mock-dating"
    };
    static final String[] PLATFORMS = {"instagram", "snapchat", "telegram", "kik", "whatsapp"};

    /**
     * Boilerplate that real ads repeat, most common first (templates draw them with Zipf weights).
     * Slots: {city}, {day} (filled per ad), {nick}, {age} (filled per poster).
     */
    static final String[] PHRASES = {
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

    static final String[] TITLES = {
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
    static final String[] NICKS = {
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
    static final String[] AGES = {"19yo", "20yo", "21yo", "22yo", "young", "fresh", "new girl", "petite"};
    static final String[] DAYS = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "week"
    };
    /** Words for the part of an ad its poster wrote: a description of several hundred possible words. */
    static final String[] VOCAB = {
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

    // Names: exponent 0.5 over these short lists puts the commonest last name on about 4% of
    // people and the ten commonest on about 19% (exponent 1 made it 16%, far beyond any real
    // surname); boilerplate phrases: exponent 1, a few phrases in most ads.
    static final double[] ZIPF_FIRST_F = zipf(FIRST_F.length, 0.5);
    static final double[] ZIPF_FIRST_M = zipf(FIRST_M.length, 0.5);
    static final double[] ZIPF_LAST = zipf(LAST.length, 0.5);
    static final double[] ZIPF_PHRASES = zipf(PHRASES.length, 1.0);

    static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    static String zipfPick(Random random, String[] values, double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, x);
        return values[Math.min(values.length - 1, i >= 0 ? i : -i - 1)];
    }

    /** Cumulative Zipf weights with the given exponent for n values, most common first. */
    private static double[] zipf(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            sum += 1.0 / Math.pow(k + 1, exponent);
            cumulative[k] = sum;
        }
        return cumulative;
    }
}
