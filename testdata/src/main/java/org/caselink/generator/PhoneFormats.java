package org.caselink.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How a phone number is written: in a record's phone field (any common format) or hidden in an
 * ad's text (spelled, spaced, in keycaps or fullwidth digits, as ads do to get past filters). Apart
 * because records, the people in them and the ad text all write numbers, each on the generator's
 * one seeded random stream.
 */
final class PhoneFormats {

    private static final String[] DIGIT_WORDS = {
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
    };
    private static final String[] DIGIT_HOMOPHONES = {
        "oh", "won", "to", "three", "for", "five", "six", "seven", "ate", "nine"
    };

    private final Random random;

    PhoneFormats(Random random) {
        this.random = random;
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
            case 4 -> spelled(d);
            case 5 -> keycaps(d);
            case 6 -> fullwidth(d);
            case 7 ->
                d.substring(0, 3).replace('0', 'O') + " " + d.substring(3, 6) + " "
                        + d.substring(6).replace('0', 'O').replace('1', 'l');
            default -> mixed(d);
        };
    }

    /** "seven zero three ...": every digit as its word. */
    private static String spelled(String digits) {
        List<String> out = new ArrayList<>();
        for (char c : digits.toCharArray()) {
            out.add(DIGIT_WORDS[c - '0']);
        }
        return String.join(" ", out);
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
    String format(String e164) {
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
}
