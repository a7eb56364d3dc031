package org.caselink.generator;

import static org.caselink.generator.WordLists.AGES;
import static org.caselink.generator.WordLists.DAYS;
import static org.caselink.generator.WordLists.NICKS;
import static org.caselink.generator.WordLists.PHRASES;
import static org.caselink.generator.WordLists.TITLES;
import static org.caselink.generator.WordLists.VOCAB;
import static org.caselink.generator.WordLists.ZIPF_PHRASES;
import static org.caselink.generator.WordLists.pick;
import static org.caselink.generator.WordLists.zipfPick;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The words of ads: a few dozen boilerplate templates drawn once per data set, a poster's own text
 * written on one of them (nickname, age word, a description of their own), and each re-post of it
 * (another city and day, a word dropped or swapped, a phone number hidden in the text). Apart
 * because this is what makes unrelated ads share most of their words while a poster's re-posts
 * stay near-duplicates; the {@link Generator} only decides who posts what where.
 */
final class AdText {

    private static final int TEMPLATE_COUNT = 40;

    /** Ad templates: a title and the boilerplate phrases, with "{desc}" where the poster's own words go. */
    private record Template(String title, List<String> parts) {}

    /** One poster's text, before a re-post fills in its city and day: a title and a body. */
    record PosterText(String title, String base) {}

    private final Random random;
    private final PhoneFormats phoneFormats;
    /** Whether ads are written on the templates or every boilerplate phrase becomes random words. */
    private final boolean templated;

    private final List<Template> templates = new ArrayList<>();

    AdText(Random random, PhoneFormats phoneFormats, boolean templated) {
        this.random = random;
        this.phoneFormats = phoneFormats;
        this.templated = templated;
        for (int t = 0; t < TEMPLATE_COUNT; t++) {
            templates.add(template());
        }
    }

    /** A new poster's text on one of the templates, with a nickname of their own. */
    PosterText poster() {
        Template template = templates.get(random.nextInt(templates.size()));
        String nick = pick(random, NICKS);
        String base = baseText(template, nick);
        String title =
                fillPoster(templated ? template.title() : words(template.title().split(" ").length), nick);
        return new PosterText(title, base);
    }

    /** The title of one re-post of the poster's text. */
    String title(PosterText poster, String[] city) {
        return fillAd(poster.title(), city);
    }

    /** The body of one re-post: the poster's text, edited a little, then how to reach them. */
    String body(PosterText poster, String[] city, List<String> inText) {
        return fillAd(edit(poster.base()), city) + " " + contactText(inText);
    }

    /** An email address as an ad writes it to get past filters. */
    static String spellEmail(String email) {
        return email.replace("@", " at ").replace(".", " dot ");
    }

    /** A template: a title and four to seven boilerplate phrases (common ones more often), the poster's words among them. */
    private Template template() {
        int count = 4 + random.nextInt(4);
        List<String> parts = new ArrayList<>();
        while (parts.size() < count) {
            String p = zipfPick(random, PHRASES, ZIPF_PHRASES);
            if (!parts.contains(p)) {
                parts.add(p);
            }
        }
        Collections.shuffle(parts, random);
        parts.add(1 + random.nextInt(parts.size() - 1), "{desc}");
        return new Template(pick(random, TITLES), List.copyOf(parts));
    }

    /** A poster's own text: the template with their nickname, an age word and a description of 6 to 12 words of their own. */
    private String baseText(Template template, String nick) {
        String age = pick(random, AGES);
        StringBuilder desc = new StringBuilder();
        for (int i = 0, n = 6 + random.nextInt(7); i < n; i++) {
            desc.append(i == 0 ? "" : " ").append(pick(random, VOCAB));
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
            out.append(i == 0 ? "" : " ").append(pick(random, VOCAB));
        }
        return out.toString();
    }

    private String fillPoster(String text, String nick) {
        return text.replace("{nick}", nick).replace("{age}", pick(random, AGES));
    }

    /** The slots a re-post changes: the city it is posted in, the day. */
    private String fillAd(String text, String[] city) {
        return text.replace("{city}", city[0]).replace("{day}", pick(random, DAYS));
    }

    private String contactText(List<String> inText) {
        if (inText.isEmpty()) {
            return "call now";
        }
        return pick(random, new String[] {"call", "text", "txt me", "hit me up", "ask for me at"}) + " "
                + phoneFormats.obfuscate(inText.getFirst());
    }

    /** A near-duplicate: a word dropped, swapped or replaced now and then, as re-posted ads do. */
    private String edit(String text) {
        List<String> w = new ArrayList<>(List.of(text.split(" ")));
        int edits = random.nextInt(3);
        for (int e = 0; e < edits && w.size() > 3; e++) {
            int i = random.nextInt(w.size());
            switch (random.nextInt(3)) {
                case 0 -> w.remove(i);
                case 1 -> w.set(i, pick(random, VOCAB));
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
}
