package org.caselink.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizeTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(703) 555-0142",
                "703.555.0142",
                "703-555-0142",
                "+1 703 555 0142",
                "1-703-555-0142",
                "7035550142",
                " +17035550142 "
            })
    void phonesInCommonFormatsBecomeOneE164(String written) {
        assertThat(Normalize.phone(written, "US")).contains("+17035550142");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "call me", "555-0142", "123", "+1 000 000 0000"})
    void invalidPhonesAreRefused(String written) {
        assertThat(Normalize.phone(written, "US")).isEmpty();
    }

    @Test
    void aForeignNumberKeepsItsCountry() {
        assertThat(Normalize.phone("020 7946 0958", "GB")).contains("+442079460958");
        assertThat(Normalize.phone("+44 20 7946 0958", "US")).contains("+442079460958");
    }

    @ParameterizedTest
    @CsvSource({"JD@Example.com,jd@example.com", "  a.b+c@mail.example.org ,a.b+c@mail.example.org"})
    void emailsAreLowerCased(String raw, String expected) {
        assertThat(Normalize.email(raw)).contains(expected);
    }

    @Test
    void handlesLoseTheirAtSignAndCase() {
        assertThat(Normalize.handle("@Ana.L")).contains("ana.l");
        assertThat(Normalize.handle("two words")).isEmpty();
        assertThat(Normalize.platform(" Instagram ")).contains("instagram");
    }

    @Test
    void nameKeysIgnoreCaseAccentsPunctuationAndSpacing() {
        assertThat(Normalize.nameKey("  José ", "O'Neil-Lopez")).isEqualTo("jose oneillopez");
        assertThat(Normalize.nameKey("JOSE", "oneil lopez")).isEqualTo("jose oneil lopez");
        assertThat(Normalize.nameKey(null, " ")).isNull();
    }

    @Test
    void imageHashesAre16HexDigits() {
        assertThat(Normalize.imageHash("A1B2C3D4E5F60718")).contains("a1b2c3d4e5f60718");
        assertThat(Normalize.imageHash("a1b2")).isEmpty();
    }
}
