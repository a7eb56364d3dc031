package org.caselink.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The canonical forms that make two mentions of the same thing one node: phones in E.164 (with
 * libphonenumber, the reference implementation), emails and handles in lower case, names without
 * accents, case or extra spaces.
 */
public final class Normalize {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("^[a-z0-9._%+'-]+@[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}$");
    private static final Pattern HANDLE = Pattern.compile("^[\\p{L}\\p{N}._-]{1,64}$");
    private static final Pattern PLATFORM = Pattern.compile("^[a-z0-9._-]{1,40}$");
    private static final Pattern IMAGE_HASH = Pattern.compile("^[0-9a-f]{16}$");
    // Compiled once: the name key runs for every person and child written and every pair scored.
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_NAME = Pattern.compile("[^\\p{L}\\p{N} ]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Normalize() {}

    /** E.164 for a valid number written in any common format; {@code region} is for numbers without a country code. */
    public static Optional<String> phone(@Nullable String raw, String region) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            var number = PHONES.parse(raw, region);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<String> email(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String e = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return e.length() <= 254 && EMAIL.matcher(e).matches() ? Optional.of(e) : Optional.empty();
    }

    /** A handle without its leading @, in lower case. */
    public static Optional<String> handle(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String h = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("@")) {
            h = h.substring(1);
        }
        return HANDLE.matcher(h).matches() ? Optional.of(h) : Optional.empty();
    }

    public static Optional<String> platform(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String p = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return PLATFORM.matcher(p).matches() ? Optional.of(p) : Optional.empty();
    }

    /** A 64-bit perceptual hash as 16 lower-case hex digits. */
    public static Optional<String> imageHash(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String h = raw.strip().toLowerCase(Locale.ROOT);
        return IMAGE_HASH.matcher(h).matches() ? Optional.of(h) : Optional.empty();
    }

    /** The name key used by identity resolution: "first last", lower case, accents and punctuation removed. */
    public static @Nullable String nameKey(@Nullable String first, @Nullable String last) {
        String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last));
        String plain =
                MARKS.matcher(Normalizer.normalize(joined, Normalizer.Form.NFD)).replaceAll("");
        String key = SPACES.matcher(
                        NOT_NAME.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(""))
                .replaceAll(" ")
                .strip();
        return key.isEmpty() ? null : key;
    }
}
