package org.caselink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Near-duplicate texts on templated ads: boilerplate shared by hundreds of unrelated posters must
 * link nothing, re-posts of one poster's wording must link, and each ad keeps only a few links.
 * The similarity is computed in memory, so these run without a database.
 */
class AdLinkerTests {

    private static final String[] TEMPLATES = {
        "new 2 the area call b4 10pm no rush 100 real pics incall outcall ask about specials",
        "just arrived in town for a short time only ask about specials no law enforcement no rush",
        "sweet and discreet upscale companion available tonight call b4 10pm real pics only"
    };

    private final AdLinker linker = new AdLinker(null, 4, 0.35, 500, 5, 0.01, 50);

    private static String words(Random random, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            // Pseudo-words of four syllables: a vocabulary of 20,736. With three (1,728), two of the
            // 600 posters below once shared two words side by side by chance ("suzeno taviri"): a
            // rare phrase two ads share is wording in common, and the linker rightly linked them.
            String[] syllables = {"ka", "ri", "mo", "le", "su", "ta", "vi", "no", "pe", "da", "lu", "ze"};
            b.append(' ');
            for (int s = 0; s < 4; s++) {
                b.append(syllables[random.nextInt(syllables.length)]);
            }
        }
        return b.toString();
    }

    private static String edit(Random random, String text) {
        // One edit per re-post, as re-posted ads make them: a word dropped or replaced.
        List<String> w = new ArrayList<>(List.of(text.strip().split(" ")));
        if (random.nextBoolean()) {
            w.remove(random.nextInt(w.size()));
        } else {
            w.set(random.nextInt(w.size()), "honey");
        }
        return String.join(" ", w);
    }

    @Test
    void boilerplateLinksNothingAndRepostsLinkWithAFewLinksPerAd() {
        Random random = new Random(7);
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Map<String, String> group = new HashMap<>();
        // 600 posters with one ad each: a template and a few words of their own.
        for (int i = 0; i < 600; i++) {
            String id = String.format("S-%04d", i);
            ids.add(id);
            texts.add(TEMPLATES[i % TEMPLATES.length] + words(random, 3) + " call 703 555 01" + (i % 100));
            group.put(id, id);
        }
        // 30 posters re-posting their own wording (with the template) 6 times, edited each time.
        for (int g = 0; g < 30; g++) {
            String own = words(random, 10);
            for (int k = 0; k < 6; k++) {
                String id = String.format("R-%02d-%d", g, k);
                ids.add(id);
                texts.add(TEMPLATES[g % TEMPLATES.length] + " " + edit(random, own) + " text seven0three");
                group.put(id, "G" + g);
            }
        }
        // Sorted, as the graph hands them over.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> ids.get(a).compareTo(ids.get(b)));
        var pairs = linker.textPairs(
                order.stream().map(ids::get).toList(),
                order.stream().map(texts::get).toList());

        long wrong = pairs.keySet().stream()
                .filter(p -> !group.get(p.get(0)).equals(group.get(p.get(1))))
                .count();
        assertThat(wrong).as("links between ads that share only boilerplate").isZero();
        // Re-posts held together: pairs of one group's ads connected by a chain of links.
        Map<String, String> parent = new HashMap<>();
        java.util.function.UnaryOperator<String> find = new java.util.function.UnaryOperator<>() {
            @Override
            public String apply(String x) {
                String p = parent.getOrDefault(x, x);
                return p.equals(x) ? x : apply(p);
            }
        };
        pairs.keySet().forEach(p -> {
            String a = find.apply(p.get(0));
            String b = find.apply(p.get(1));
            if (!a.equals(b)) {
                parent.put(a, b);
            }
        });
        int together = 0;
        int planted = 0;
        for (int g = 0; g < 30; g++) {
            for (int k = 0; k < 6; k++) {
                for (int l = k + 1; l < 6; l++) {
                    planted++;
                    if (find.apply(String.format("R-%02d-%d", g, k))
                            .equals(find.apply(String.format("R-%02d-%d", g, l)))) {
                        together++;
                    }
                }
            }
        }
        System.out.printf(
                "templated ads: %d links for %d ads, re-post pairs held together %d of %d%n",
                pairs.size(), ids.size(), together, planted);
        assertThat((double) together / planted).isGreaterThanOrEqualTo(0.9);
        assertThat((double) pairs.size() / ids.size()).isLessThanOrEqualTo(5.0);
        assertThat(pairs.values()).allSatisfy(v -> assertThat(v).isBetween(0.35, 1.0));
    }

    @Test
    void eachAdKeepsOnlyItsStrongestFewLinks() {
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        Random random = new Random(3);
        String own = words(random, 12);
        for (int k = 0; k < 40; k++) {
            ids.add(String.format("A-%02d", k));
            texts.add(own + (k % 2 == 0 ? "" : " honey"));
        }
        var pairs = linker.textPairs(ids, texts);
        Map<String, Integer> degree = new HashMap<>();
        pairs.keySet().forEach(p -> p.forEach(id -> degree.merge(id, 1, Integer::sum)));
        assertThat(degree).hasSize(40);
        assertThat(pairs.size()).isLessThanOrEqualTo(5 * 40);
        // Each ad keeps its five strongest: ties go to the lower ids, so the first few hold the group.
        assertThat(degree.get("A-39")).isEqualTo(5);
    }

    @Test
    void theAdsOwnPlaceIsNotWording() {
        assertThat(AdWording.withoutPlace("New in San Antonio, sweet and fun! call now", "San Antonio TX"))
                .isEqualTo("new in sweet and fun call now ");
        // Boilerplate shared by many, and a two-word city: without the place nothing uncommon is left.
        List<String> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(String.format("C-%03d", i));
            String city = i % 2 == 0 ? "San Antonio" : "Fort Worth";
            texts.add(AdWording.withoutPlace(
                    "new in " + city + " this week sweet and fun call now " + city, city + " TX"));
        }
        assertThat(linker.textPairs(ids, texts)).isEmpty();
    }

    @Test
    void imagesShownByVeryManyAdsAreLinkedToNothing() {
        Map<String, Integer> shown = new HashMap<>();
        shown.put("a1b2c3d4e5f60718", 3);
        shown.put("a1b2c3d4e5f60719", 2);
        shown.put("0000000000000000", 400); // a stock photo
        shown.put("0000000000000001", 1);
        var pairs = linker.imagePairs(new java.util.TreeMap<>(shown), linker.common(1000));
        assertThat(pairs).containsOnlyKeys(List.of("a1b2c3d4e5f60718", "a1b2c3d4e5f60719"));
        assertThat(pairs.values()).containsExactly(1.0);
    }

    @Test
    void shinglesReadHostileTextInOnePass() {
        assertThat(AdWording.shingles("a".repeat(200_000))).hasSize(1);
        assertThat(AdWording.shingles("1a".repeat(100_000))).isEmpty();
        assertThat(AdWording.shingles("a b ".repeat(50_000))).hasSize(4);
        assertThat(AdWording.shingles("e\u0301 ".repeat(100_000))).hasSize(2);
        // Numbers and spelled digits are contact details, not wording.
        assertThat(AdWording.shingles("Call 703-555-0142 now, seven oh three!")).hasSize(3);
    }
}
