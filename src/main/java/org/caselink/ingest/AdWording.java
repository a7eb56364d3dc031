package org.caselink.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An ad's wording as {@link AdLinker} compares it: the text without case, accents, punctuation,
 * contact details or the ad's own place, cut into shingles (hashed words and word pairs). Apart
 * from the linker because it is the one place that decides what counts as wording, and it reads
 * untrusted text: one pass, nothing that backtracks.
 */
final class AdWording {

    private AdWording() {}

    /**
     * The text without the words of the ad's own place: a city is where an ad ran, not how it was
     * written, and two strangers' boilerplate in one city must not read as shared wording.
     */
    static String withoutPlace(String text, String place) {
        Set<String> drop = new HashSet<>(List.of(plainWords(place)));
        StringBuilder out = new StringBuilder();
        for (String w : plainWords(text)) {
            if (!drop.contains(w)) {
                out.append(w).append(' ');
            }
        }
        return out.toString();
    }

    private static String[] plainWords(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(Character.isLetterOrDigit(c) ? c : ' ');
            }
        }
        return b.toString().strip().split(" +");
    }

    private static final Set<String> NUMBER_WORDS = Set.of(
            "zero", "oh", "o", "one", "won", "two", "to", "too", "three", "tree", "four", "for", "fore", "five", "six",
            "seven", "eight", "ate", "nine", "l", "i");

    /**
     * The distinct shingles of a text, sorted: hashes of its words and of consecutive word pairs (a
     * word changed in a re-post costs one word and two pairs), with case, accents
     * and punctuation removed and without the contact details (tokens with a digit, and spelled
     * digits, are dropped first). One pass over the text; nothing here backtracks.
     */
    static int[] shingles(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean digit = false;
        for (int i = 0; i <= plain.length(); i++) {
            char c = i < plain.length() ? plain.charAt(i) : ' ';
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                token.append(c);
                digit |= Character.isDigit(c);
            } else if (!token.isEmpty()) {
                String t = token.toString();
                if (!digit && !NUMBER_WORDS.contains(t)) {
                    words.add(t);
                }
                token.setLength(0);
                digit = false;
            }
        }
        int[] out = new int[Math.max(0, 2 * words.size() - 1)];
        for (int i = 0; i < words.size(); i++) {
            out[2 * i] = (int) NearDuplicateBands.mix(fnv64(words.get(i)));
            if (i + 1 < words.size()) {
                out[2 * i + 1] = (int) NearDuplicateBands.mix(fnv64(words.get(i)) * 31 + fnv64(words.get(i + 1)));
            }
        }
        return Arrays.stream(out).sorted().distinct().toArray();
    }

    private static long fnv64(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
