package org.caselink.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the generated data set plants, read back from the files it writes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratorTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    private Path data;
    private List<JsonNode> records;
    private JsonNode truth;

    @BeforeAll
    void generate() throws IOException {
        data = dir.resolve("g.jsonl");
        Path truthFile = dir.resolve("g.truth.json");
        Generator.write(new Generator.Config(2_000, 3_000, 41), data, truthFile);
        records = new ArrayList<>();
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
            records.add(JSON.readTree(line));
        }
        truth = JSON.readTree(Files.readString(truthFile, StandardCharsets.UTF_8));
    }

    private List<JsonNode> kind(String kind) {
        return records.stream()
                .filter(r -> kind.equals(r.path("kind").asString("")))
                .toList();
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        Generator.write(new Generator.Config(300, 400, 7), a, dir.resolve("a.truth.json"));
        Generator.write(new Generator.Config(300, 400, 7), b, dir.resolve("b.truth.json"));
        Generator.write(new Generator.Config(300, 400, 8), c, dir.resolve("c.truth.json"));
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
        assertThat(Files.readAllBytes(dir.resolve("b.truth.json")))
                .isEqualTo(Files.readAllBytes(dir.resolve("a.truth.json")));
        assertThat(Files.readAllBytes(c)).isNotEqualTo(Files.readAllBytes(a));
    }

    @Test
    void recordsAreShuffledSoLinksComeBeforeThePeopleTheyName() {
        Map<String, Integer> firstCaseNaming = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            if ("case".equals(r.path("kind").asString(""))) {
                for (JsonNode p : r.path("persons")) {
                    if (p.has("personId")) {
                        firstCaseNaming.putIfAbsent(p.get("personId").asString(), i);
                    }
                }
            }
        }
        int forward = 0;
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            if ("link".equals(r.path("kind").asString(""))) {
                String from = r.get("from").asString();
                assertThat(firstCaseNaming).containsKey(from);
                if (firstCaseNaming.get(from) > i) {
                    forward++;
                }
            }
        }
        assertThat(forward).isPositive();
        // Cases and ads are mixed, not one block after another.
        int kindChanges = 0;
        for (int i = 1; i < records.size(); i++) {
            if (!records.get(i).path("kind").equals(records.get(i - 1).path("kind"))) {
                kindChanges++;
            }
        }
        assertThat(kindChanges).isGreaterThan(records.size() / 4);
    }

    @Test
    void inOrderOptionKeepsGenerationOrder() throws IOException {
        Path a = dir.resolve("ordered.jsonl");
        Generator.write(new Generator.Config(300, 400, 7, false), a, dir.resolve("ordered.truth.json"));
        List<String> lines = Files.readAllLines(a, StandardCharsets.UTF_8);
        // The first record is the first network's first case, the last a noise ad.
        assertThat(JSON.readTree(lines.getFirst()).get("kind").asString()).isEqualTo("case");
        assertThat(JSON.readTree(lines.getLast()).get("kind").asString()).isEqualTo("ad");
        JsonNode t = JSON.readTree(Files.readString(dir.resolve("ordered.truth.json")));
        t.path("persons").properties().forEach(e -> {
            String[] key = e.getKey().split(":");
            JsonNode r = JSON.readTree(lines.get(Integer.parseInt(key[0]) - 1));
            assertThat(r.path("persons").has(Integer.parseInt(key[1]))).isTrue();
        });
    }

    @Test
    void lastNamesFollowZipfLikeFrequencies() {
        Map<String, Integer> counts = new TreeMap<>();
        int mentions = 0;
        for (JsonNode c : kind("case")) {
            counts.merge(c.path("child").path("lastName").asString(), 1, Integer::sum);
            mentions++;
            for (JsonNode p : c.path("persons")) {
                counts.merge(p.path("lastName").asString(), 1, Integer::sum);
                mentions++;
            }
        }
        List<Integer> sorted = counts.values().stream().sorted((a, b) -> b - a).toList();
        int top10 = sorted.stream().limit(10).mapToInt(Integer::intValue).sum();
        assertThat(sorted.getFirst()).isGreaterThanOrEqualTo(mentions * 3 / 100);
        assertThat(top10).isGreaterThanOrEqualTo(mentions * 15 / 100);
        assertThat(counts).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void sharedNumbersAndImagesRecurAcrossUnrelatedRecords() {
        String hotline = truth.path("sharedEntities").path("phones").get(0).asString();
        String digits = hotline.substring(hotline.length() - 7);
        List<JsonNode> cases = kind("case");
        long withHotline = cases.stream()
                .filter(c -> {
                    for (JsonNode p : c.path("phones")) {
                        if (p.asString().replaceAll("\\D", "").endsWith(digits)) {
                            return true;
                        }
                    }
                    return false;
                })
                .count();
        assertThat(withHotline).isGreaterThanOrEqualTo(cases.size() / 100);
        Set<String> stock = new HashSet<>();
        truth.path("sharedEntities").path("images").forEach(i -> stock.add(i.asString()));
        assertThat(stock).hasSizeGreaterThanOrEqualTo(4);
        Map<String, Integer> shownBy = new HashMap<>();
        for (JsonNode ad : kind("ad")) {
            for (JsonNode h : ad.path("imageHashes")) {
                if (stock.contains(h.asString())) {
                    shownBy.merge(h.asString(), 1, Integer::sum);
                }
            }
        }
        assertThat(shownBy.values()).hasSizeGreaterThanOrEqualTo(4).allMatch(n -> n >= 3);
    }

    @Test
    void differentChildrenShareNameAndDob() {
        Map<String, Set<String>> childrenByNameDob = new HashMap<>();
        for (JsonNode c : kind("case")) {
            JsonNode ch = c.path("child");
            String key = ch.path("firstName").asString() + "|"
                    + ch.path("lastName").asString() + "|" + ch.path("dob").asString();
            childrenByNameDob
                    .computeIfAbsent(key, k -> new HashSet<>())
                    .add(truth.path("caseChildren")
                            .path(c.path("caseNumber").asString())
                            .asString());
        }
        assertThat(childrenByNameDob.values()).anyMatch(s -> s.size() >= 2);
        assertThat(truth.path("childNamesakes").size()).isPositive();
        // A repeat runaway's records tie together without the child id on one of them.
        Map<String, List<JsonNode>> casesByChild = new HashMap<>();
        for (JsonNode c : kind("case")) {
            casesByChild
                    .computeIfAbsent(
                            truth.path("caseChildren")
                                    .path(c.path("caseNumber").asString())
                                    .asString(),
                            k -> new ArrayList<>())
                    .add(c);
        }
        assertThat(casesByChild.values())
                .anyMatch(cs -> cs.size() >= 2
                        && cs.stream().anyMatch(c -> c.path("child").has("childId"))
                        && cs.stream().anyMatch(c -> !c.path("child").has("childId")));
    }

    @Test
    void adsShareBoilerplateButRepostsAreGroupedByText() {
        Map<String, String> textOf = new HashMap<>();
        truth.path("adTexts")
                .properties()
                .forEach(e -> textOf.put(e.getKey(), e.getValue().asString()));
        List<JsonNode> ads = kind("ad");
        assertThat(textOf).hasSize(ads.size());
        Map<String, Integer> textSizes = new HashMap<>();
        textOf.values().forEach(t -> textSizes.merge(t, 1, Integer::sum));
        assertThat(textSizes.values().stream().filter(n -> n >= 2).count()).isGreaterThan(50);
        assertThat(textSizes.size()).isGreaterThan(ads.size() / 10);
        assertThat(sharingBoilerplate(ads, textOf)).isGreaterThan(ads.size() / 2);
    }

    @Test
    void withoutTemplatesAdsShareNoBoilerplateButKeepTheirLengthAndReposts() throws IOException {
        Path plain = dir.resolve("plain.jsonl");
        Generator.write(new Generator.Config(2_000, 3_000, 41, true, false), plain, dir.resolve("plain.truth.json"));
        List<JsonNode> ads = new ArrayList<>();
        for (String line : Files.readAllLines(plain, StandardCharsets.UTF_8)) {
            JsonNode r = JSON.readTree(line);
            if (r.path("kind").asString("").equals("ad")) {
                ads.add(r);
            }
        }
        Map<String, String> textOf = new HashMap<>();
        JSON.readTree(Files.readString(dir.resolve("plain.truth.json"), StandardCharsets.UTF_8))
                .path("adTexts")
                .properties()
                .forEach(e -> textOf.put(e.getKey(), e.getValue().asString()));
        // What is left is how contacts are written ("ask for me at", the fictional 555-01 numbers).
        assertThat(sharingBoilerplate(ads, textOf)).isLessThan(sharingBoilerplate(kind("ad"), templatedTexts()) / 2);
        assertThat(meanLength(ads))
                .isCloseTo(meanLength(kind("ad")), org.assertj.core.data.Percentage.withPercentage(15));
        assertThat(new HashSet<>(textOf.values()).size()).isLessThan(ads.size() * 9 / 10);
    }

    private Map<String, String> templatedTexts() {
        Map<String, String> textOf = new HashMap<>();
        truth.path("adTexts")
                .properties()
                .forEach(e -> textOf.put(e.getKey(), e.getValue().asString()));
        return textOf;
    }

    /** Mean words per ad text. */
    private static double meanLength(List<JsonNode> ads) {
        return ads.stream()
                .mapToInt(a -> a.get("body").asString().split("\\s+").length)
                .average()
                .orElse(0);
    }

    /** Ads that share a four-word shingle with at least 50 ads of other texts. */
    private static long sharingBoilerplate(List<JsonNode> ads, Map<String, String> textOf) {
        Map<String, Set<String>> adsByShingle = new HashMap<>();
        Map<String, Set<String>> shinglesByAd = new HashMap<>();
        for (JsonNode ad : ads) {
            String id = ad.get("adId").asString();
            String[] w = ad.get("body").asString().toLowerCase().split("\\s+");
            Set<String> shingles = new HashSet<>();
            for (int i = 0; i + 4 <= w.length; i++) {
                shingles.add(String.join(" ", w[i], w[i + 1], w[i + 2], w[i + 3]));
            }
            shinglesByAd.put(id, shingles);
            shingles.forEach(
                    s -> adsByShingle.computeIfAbsent(s, k -> new HashSet<>()).add(id));
        }
        long sharing = shinglesByAd.entrySet().stream()
                .filter(e -> e.getValue().stream()
                        .anyMatch(s -> adsByShingle.get(s).stream()
                                        .filter(other -> !textOf.get(other).equals(textOf.get(e.getKey())))
                                        .count()
                                >= 50))
                .count();
        return sharing;
    }

    @Test
    void personTruthPointsAtMentionsInTheWrittenFile() {
        assertThat(truth.path("persons").size()).isGreaterThan(100);
        truth.path("persons").properties().forEach(e -> {
            String[] key = e.getKey().split(":");
            JsonNode r = records.get(Integer.parseInt(key[0]) - 1);
            assertThat(r.path("kind").asString()).isEqualTo("case");
            assertThat(r.path("persons").has(Integer.parseInt(key[1]))).isTrue();
        });
        assertThat(truth.path("networkControllers").size()).isPositive();
        // Some network cases name only an associate; the controller is reached through a link record.
        Map<String, String> network = new HashMap<>();
        truth.path("caseNetworks")
                .properties()
                .forEach(e -> network.put(e.getKey(), e.getValue().asString()));
        Set<String> controllers = new HashSet<>();
        truth.path("networkControllers").forEach(c -> controllers.add(c.asString()));
        int withoutController = 0;
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            if (network.containsKey(r.path("caseNumber").asString(""))) {
                boolean named = false;
                for (int j = 0; j < r.path("persons").size(); j++) {
                    named |= controllers.contains(
                            truth.path("persons").path((i + 1) + ":" + j).asString(""));
                }
                if (!named) {
                    withoutController++;
                }
            }
        }
        assertThat(withoutController).isPositive();
        assertThat(kind("link")).isNotEmpty();
    }
}
