package org.caselink.normalize;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds email addresses in ad text, including the spelled-out forms ads use to slip past filters:
 * "name at domain dot com", "name [at] domain [dot] com", "name(at)domain(dot)com".
 *
 * <p>Ad text is hostile: it can be any length and any shape. So there is no regular expression
 * here (the one it replaces backtracked: 4,200 characters of {@code "abcdefghijklmnopqrst."} took
 * 0.65 s, and each doubling 4.5 times longer). Two passes, each reading every character a bounded
 * number of times: the spelled {@code at} and {@code dot} become {@code @} and {@code .}, then each
 * {@code @} is grown left over the characters of a local part and right over those of a domain,
 * which stop at the next {@code @}, so the whole takes time linear in the text.
 */
public final class EmailExtractor {

    private static final Set<String> TLDS =
            Set.of("com", "net", "org", "edu", "gov", "io", "co", "us", "info", "biz", "me", "app");

    private EmailExtractor() {}

    public static List<String> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String s = spelledOut(text.toLowerCase(Locale.ROOT));
        Set<String> out = new LinkedHashSet<>();
        for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
            int from = at;
            while (from > 0 && isLocal(s.charAt(from - 1))) {
                from--;
            }
            while (from < at && !isAlnum(s.charAt(from))) {
                from++; // a local part starts with a letter or digit
            }
            int to = at + 1;
            while (to < s.length() && isDomain(s.charAt(to))) {
                to++;
            }
            while (to > at + 1 && !isAlnum(s.charAt(to - 1))) {
                to--; // "write to x@y.com." ends the sentence, not the domain
            }
            if (from == at || to == at + 1) {
                continue;
            }
            String domain = s.substring(at + 1, to);
            int lastDot = domain.lastIndexOf('.');
            if (lastDot <= 0) {
                continue;
            }
            String tld = domain.substring(lastDot + 1);
            if (!TLDS.contains(tld) && !(tld.length() == 2 && tld.chars().allMatch(c -> c >= 'a' && c <= 'z'))) {
                continue;
            }
            Normalize.email(s.substring(from, at) + "@" + domain).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * The text with {@code " at "}, {@code "[at]"}, {@code "(at)"}, {@code "{at}"}, {@code "<at>"}
     * (spaces inside and around allowed) as {@code @}, and the same forms of {@code dot} as
     * {@code .}, the spaces around them dropped; everything else as it was. One pass over tokens.
     */
    static String spelledOut(String text) {
        List<String> tokens = tokens(text);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < tokens.size()) {
            int end = spelled(tokens, i);
            if (end > i) {
                // Drop the spaces written before the spelled word, then the spelled word itself.
                while (!out.isEmpty() && Character.isWhitespace(out.charAt(out.length() - 1))) {
                    out.setLength(out.length() - 1);
                }
                String word = tokens.get(spelledWord(tokens, i, end));
                out.append(word.equals("at") ? '@' : '.');
                i = end;
                if (i < tokens.size() && isSpace(tokens.get(i))) {
                    i++; // and the spaces after it
                }
            } else {
                out.append(tokens.get(i));
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Where a spelled {@code at} or {@code dot} that starts at token {@code i} ends (exclusive), or
     * {@code i} when none starts there: {@code SPACE word SPACE}, or {@code OPEN [SPACE] word [SPACE]
     * CLOSE}. Looks at most five tokens ahead.
     */
    private static int spelled(List<String> tokens, int i) {
        String first = tokens.get(i);
        if (isSpace(first)) {
            if (i + 2 < tokens.size() && isAtOrDot(tokens.get(i + 1)) && isSpace(tokens.get(i + 2))) {
                return i + 2; // the trailing space is dropped by the caller
            }
            return i;
        }
        if (first.length() != 1 || "[({<".indexOf(first.charAt(0)) < 0) {
            return i;
        }
        int j = i + 1;
        if (j < tokens.size() && isSpace(tokens.get(j))) {
            j++;
        }
        if (j >= tokens.size() || !isAtOrDot(tokens.get(j))) {
            return i;
        }
        j++;
        if (j < tokens.size() && isSpace(tokens.get(j))) {
            j++;
        }
        if (j < tokens.size()
                && tokens.get(j).length() == 1
                && "])}>".indexOf(tokens.get(j).charAt(0)) >= 0) {
            return j + 1;
        }
        return i;
    }

    private static int spelledWord(List<String> tokens, int from, int end) {
        for (int k = from; k < end; k++) {
            if (isAtOrDot(tokens.get(k))) {
                return k;
            }
        }
        throw new IllegalStateException("no spelled word between tokens " + from + " and " + end);
    }

    /** Runs of whitespace, runs of letters and digits, and every other character alone. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int j = i + 1;
            if (Character.isWhitespace(c)) {
                while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
            } else if (isAlnum(c)) {
                while (j < text.length() && isAlnum(text.charAt(j))) {
                    j++;
                }
            }
            out.add(text.substring(i, j));
            i = j;
        }
        return out;
    }

    private static boolean isAtOrDot(String token) {
        return token.equals("at") || token.equals("dot");
    }

    private static boolean isSpace(String token) {
        return Character.isWhitespace(token.charAt(0));
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isLocal(char c) {
        return isAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomain(char c) {
        return isAlnum(c) || c == '.' || c == '-';
    }
}
