package org.caselink.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers in ad text, including the ways ads hide them from filters: spelled digits
 * ("seven", "for", "to", "won"), letters for digits (O for 0, l or I for 1), digits split by
 * spaces, dots, dashes, slashes or stars, emoji keycaps, fullwidth digits, and mixtures such as
 * "for80 2sixseven one9zerofor". The text becomes a list of tokens, each either digits or not;
 * runs of digit tokens are cut into candidates on token boundaries and every candidate must be a
 * valid number by libphonenumber's rules. Ambiguous words ("to", "for", "won") only count next to
 * other digits, and a candidate does not start or end on one when a shorter reading is valid.
 */
public final class PhoneExtractor {

    /** Spelled digits and look-alikes, longest first so that "fourteen"-like overlaps do not arise. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("zero", "0"),
            Map.entry("oh", "0"),
            Map.entry("o", "0"),
            Map.entry("one", "1"),
            Map.entry("won", "1"),
            Map.entry("l", "1"),
            Map.entry("i", "1"),
            Map.entry("two", "2"),
            Map.entry("to", "2"),
            Map.entry("too", "2"),
            Map.entry("three", "3"),
            Map.entry("tree", "3"),
            Map.entry("four", "4"),
            Map.entry("for", "4"),
            Map.entry("fore", "4"),
            Map.entry("five", "5"),
            Map.entry("six", "6"),
            Map.entry("seven", "7"),
            Map.entry("eight", "8"),
            Map.entry("ate", "8"),
            Map.entry("nine", "9"));

    /** Words that are also ordinary English: a number may not start or end on one of these alone. */
    private static final Set<String> AMBIGUOUS =
            Set.of("oh", "o", "won", "l", "i", "to", "too", "tree", "for", "fore", "ate", "one");

    private static final Pattern PIECES = Pattern.compile(
            "zero|three|seven|eight|four|five|nine|fore|tree|two|too|one|won|six|for|ate|oh|to|[0-9]|o|l|i");
    private static final Pattern SEPARATOR = Pattern.compile("[\\s.\\-/*_,()\\[\\]|:~+]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern KEYCAP = Pattern.compile("([0-9])\\x{FE0F}?\\x{20E3}");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String region;

    /** Whether the region's country code is 1 (the North American Numbering Plan). */
    private final boolean nanp;

    public PhoneExtractor(String region) {
        this.region = region;
        this.nanp = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance().getCountryCodeForRegion(region) == 1;
    }

    /** A token of the text: its digits (empty when it is not a number part), and whether it is only an ambiguous word. */
    private record Token(String digits, boolean ambiguous, boolean hasRealDigit) {}

    /** The E.164 numbers in {@code text}, in order of appearance, each once. */
    public List<String> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Token> tokens = tokens(clean(text));
        Set<String> found = new LinkedHashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            if (tokens.get(i).digits().isEmpty()) {
                i++;
                continue;
            }
            int end = i;
            while (end < tokens.size() && !tokens.get(end).digits().isEmpty()) {
                end++;
            }
            found.addAll(numbersIn(tokens.subList(i, end)));
            i = end;
        }
        return List.copyOf(found);
    }

    /** Cuts one run of digit tokens into valid numbers, left to right, preferring readings that avoid ambiguous words at the edges. */
    private List<String> numbersIn(List<Token> run) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < run.size()) {
            String best = null;
            int bestEnd = -1;
            int bestPenalty = Integer.MAX_VALUE;
            for (int s = start; s < Math.min(run.size(), start + 3); s++) {
                StringBuilder digits = new StringBuilder();
                for (int e = s; e < run.size() && digits.length() < 16; e++) {
                    digits.append(run.get(e).digits());
                    Optional<String> number = valid(digits.toString());
                    if (number.isPresent()) {
                        int penalty = (s - start)
                                + (run.get(s).ambiguous() ? 10 : 0)
                                + (run.get(e).ambiguous() ? 10 : 0);
                        boolean anyRealDigit = run.subList(s, e + 1).stream().anyMatch(Token::hasRealDigit);
                        if (!anyRealDigit) {
                            penalty += 5;
                        }
                        if (penalty < bestPenalty) {
                            best = number.get();
                            bestEnd = e;
                            bestPenalty = penalty;
                        }
                    }
                }
            }
            if (best == null) {
                start++;
            } else {
                out.add(best);
                start = bestEnd + 1;
            }
        }
        return out;
    }

    private Optional<String> valid(String digits) {
        if (digits.length() < 10 || digits.length() > 15) {
            return Optional.empty();
        }
        if (digits.length() == 11 && !digits.startsWith("1")) {
            return Optional.empty();
        }
        if (nanp && !nanpShape(digits)) {
            return Optional.empty();
        }
        return Normalize.phone(digits.length() > 11 ? "+" + digits : digits, region);
    }

    /**
     * Whether a candidate could be a number at all when the region dials North American numbers:
     * ten digits (after an optional 1) whose area code and exchange begin with 2 to 9, or more
     * digits that do not begin with 1 (another country's, left to libphonenumber). Each candidate
     * costs libphonenumber a parse, some 2 µs, and a run of digit tokens has up to 18 per token:
     * 200,000 characters of "1 2 3 4 " took 3.9 s before this check (ExtractorTests).
     */
    static boolean nanpShape(String digits) {
        return switch (digits.length()) {
            case 10 -> digits.charAt(0) >= '2' && digits.charAt(3) >= '2';
            case 11 -> digits.charAt(1) >= '2' && digits.charAt(4) >= '2';
            default -> digits.charAt(0) != '1';
        };
    }

    /** Unicode compatibility forms (fullwidth digits), emoji keycaps, lower case. */
    static String clean(String text) {
        String s = KEYCAP.matcher(text).replaceAll("$1");
        s = Normalizer.normalize(s, Normalizer.Form.NFKC);
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * Splits on separators, then reads each piece: a piece that is wholly digits, digit words and
     * look-alike letters becomes digits; any other piece is a word that breaks a number.
     */
    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        for (String piece : SEPARATOR.split(text)) {
            if (piece.isEmpty()) {
                continue;
            }
            String word = NOT_ALPHANUMERIC.matcher(piece).replaceAll("");
            if (word.isEmpty()) {
                continue;
            }
            Matcher m = PIECES.matcher(word);
            StringBuilder digits = new StringBuilder();
            int at = 0;
            boolean whole = true;
            boolean real = false;
            while (m.find()) {
                if (m.start() != at) {
                    whole = false;
                    break;
                }
                String p = m.group();
                if (Character.isDigit(p.charAt(0))) {
                    digits.append(p);
                    real = true;
                } else {
                    digits.append(WORDS.get(p));
                }
                at = m.end();
            }
            if (!whole || at != word.length()) {
                out.add(new Token("", false, false));
                continue;
            }
            // A lone look-alike letter ("o", "l", "i") or lone ambiguous word only counts as a digit inside a run.
            out.add(new Token(digits.toString(), AMBIGUOUS.contains(word), real));
        }
        return out;
    }
}
