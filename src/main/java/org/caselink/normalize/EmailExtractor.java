package org.caselink.normalize;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds email addresses in ad text, including the spelled-out forms ads use to slip past filters:
 * "name at domain dot com", "name [at] domain [dot] com", "name(at)domain(dot)com".
 */
public final class EmailExtractor {

    private static final String AT = "(?:@|\\s*[\\[({<]\\s*at\\s*[\\])}>]\\s*|\\s+at\\s+)";
    private static final String DOT = "(?:\\.|\\s*[\\[({<]\\s*dot\\s*[\\])}>]\\s*|\\s+dot\\s+)";
    /** The name: words joined by dots, written or spelled ("net1 dot bookings"). */
    private static final String LOCAL = "([a-z0-9][a-z0-9._%+-]*(?:" + DOT + "[a-z0-9_%+-]+)*)";

    private static final Pattern EMAIL = Pattern.compile(LOCAL + AT + "([a-z0-9-]+(?:" + DOT + "[a-z0-9-]+)*" + DOT
            + "(?:com|net|org|edu|gov|io|co|us|info|biz|me|app|[a-z]{2}))\\b");
    private static final Pattern DOT_WORD = Pattern.compile(DOT);

    private EmailExtractor() {}

    public static List<String> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Matcher m = EMAIL.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String local = DOT_WORD.matcher(m.group(1)).replaceAll(".");
            String domain = DOT_WORD.matcher(m.group(2)).replaceAll(".");
            Normalize.email(local + "@" + domain).ifPresent(out::add);
        }
        return List.copyOf(out);
    }
}
