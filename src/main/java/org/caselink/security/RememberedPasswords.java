package org.caselink.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt that remembers, for a while, which password it last found right for which hash. HTTP
 * Basic sends the password with every request, and checking it was a third of the CPU a request
 * took (a JFR profile of {@code { __typename }} at eight clients: 36 % of the samples in
 * {@code BCrypt.key}). Only the demo accounts have passwords here, and theirs are published, so a
 * cache of SHA-256 digests of right passwords gives nothing away; a wrong password is checked with
 * BCrypt every time (and counted by the sign-in throttle). In jwt mode there are no passwords.
 */
final class RememberedPasswords implements PasswordEncoder {

    private final PasswordEncoder bcrypt;
    private final Cache<String, Boolean> right;

    RememberedPasswords(PasswordEncoder bcrypt, Duration keep) {
        this.bcrypt = bcrypt;
        this.right =
                Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(keep).build();
    }

    @Override
    public String encode(CharSequence raw) {
        return bcrypt.encode(raw);
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null || encoded == null) {
            return false;
        }
        String key = digest(raw, encoded);
        if (right.getIfPresent(key) != null) {
            return true;
        }
        boolean matches = bcrypt.matches(raw, encoded);
        if (matches) {
            right.put(key, Boolean.TRUE);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return bcrypt.upgradeEncoding(encoded);
    }

    private static String digest(CharSequence raw, String encoded) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(encoded.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(raw.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
