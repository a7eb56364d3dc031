package org.caselink.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtractorTests {

    private final PhoneExtractor phones = new PhoneExtractor("US");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "new in town call seven0three 5five5 O142|+17035550142",
                "call 703-555-0142 now|+17035550142",
                "(703) 555.0142|+17035550142",
                "7 0 3 5 5 5 0 1 4 2 ask for Ana|+17035550142",
                "7/0/3*5*5*5-0-1-4-2|+17035550142",
                "seven oh three five five five zero one for two|+17035550142",
                "for80 2sixseven one9zerofor|+14802671904",
                "call me at ７０３５５５０１４２|+17035550142",
                "text 7️⃣0️⃣3️⃣5️⃣5️⃣5️⃣0️⃣1️⃣4️⃣2️⃣|+17035550142",
                "703 555 Ol42|+17035550142",
                "+1 (703) 555-0142|+17035550142",
                "1-703-555-0142|+17035550142",
            })
    void findsObfuscatedNumbers(String text, String expected) {
        assertThat(phones.extract(text)).containsExactly(expected);
    }

    @Test
    void ambiguousWordsDoNotGlueOntoANumber() {
        assertThat(phones.extract("come to 703 555 0142 for fun")).containsExactly("+17035550142");
        assertThat(phones.extract("text to 7035550142 or 2025550199 to book"))
                .containsExactly("+17035550142", "+12025550199");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sweet and fun, one of a kind, available to you for one hour",
                "new in town 24/7 available 100% real",
                "rates 150 200 300 call for details",
                "born in 2005, 5 foot 4, 120 lbs",
            })
    void findsNothingInOrdinaryText(String text) {
        assertThat(phones.extract(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "write me: Ana.L at example dot com|ana.l@example.com",
                "ana.l [at] example [dot] com|ana.l@example.com",
                "ana.l(at)example(dot)com|ana.l@example.com",
                "mail ANA@Example.COM today|ana@example.com",
                "bookings at mail dot example dot org|bookings@mail.example.org",
                // A spelled dot inside the name too: losing "net1" would merge every network's bookings.
                "or write net1 dot bookings at example dot com|net1.bookings@example.com",
                "mia [dot] rose [at] example [dot] net|mia.rose@example.net",
            })
    void findsSpelledOutEmails(String text, String expected) {
        assertThat(EmailExtractor.extract(text)).containsExactly(expected);
    }

    @Test
    void findsNoEmailInOrdinaryText() {
        assertThat(EmailExtractor.extract("meet me at the mall, dot your i's")).isEmpty();
    }
    /**
     * Scraped ad text can be any length and any shape: shapes that make backtracking expressions
     * explode (issue 15: 4,200 characters of the first one took 0.65 s, and four and a half times
     * longer per doubling), each some 200,000 characters, must be read in a time proportional to
     * their length. The bound is generous: a linear reading takes up to 2 s here (digit runs such
     * as "7-0-3-" cost libphonenumber a parse for each of their many candidates; 3.9 s for "1 2 3
     * 4 " before the plan's shape was checked first, which failed a loaded CI run at 5 s), and a
     * quadratic one would take minutes.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "abcdefghijklmnopqrst.",
                "a@",
                "a.",
                "a at ",
                "a dot ",
                "(at ",
                "[dot] ",
                "x@y.",
                "   ",
                "1 2 3 4 ",
                "one two three ",
                "7-0-3-",
                "for to too won ",
                "4️⃣",
            })
    void readsHostileTextInLinearTime(String unit) {
        String text = unit.repeat(200_000 / unit.length());
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            EmailExtractor.extract(text);
            EmailExtractor.extract(text + " write to ana at example dot com");
            phones.extract(text);
        });
        assertThat(EmailExtractor.extract(text + " write to ana at example dot com"))
                .contains("ana@example.com");
    }

    @Test
    void findsEveryAddressInALongText() {
        String text = "filler text. ".repeat(10_000) + "ana@example.com, then " + "x.".repeat(10_000)
                + " and bo [at] example [dot] org.";
        assertThat(EmailExtractor.extract(text)).containsExactly("ana@example.com", "bo@example.org");
    }
}
