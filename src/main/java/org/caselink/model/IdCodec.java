package org.caselink.model;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Identifiers keyed by a deployment secret, so that none can be guessed or read back:
 * <ul>
 *   <li>{@link #uid}: a person's or child's internal uid, an HMAC-SHA-256 of what identifies the
 *       individual (external id, else name and date of birth). Without the secret, knowing a
 *       child's name and birth date does not give its uid.
 *   <li>{@link #encode}/{@link #decode}: global ids as deterministic authenticated encryption of
 *       (type, natural key), the SIV construction (Rogaway and Shrimpton, 2006) from JDK parts: the
 *       synthetic IV is an HMAC-SHA-256 of the plaintext (128 bits), the ciphertext AES-CTR under
 *       that IV. The same node always gets the same id, the id tells nothing of the key (a phone
 *       number, a handle), and an id not made with the secret decodes to nothing.
 * </ul>
 * Three keys are derived from the one secret, one per use. {@code db.IdKeys} installs the codec at
 * start; the model's global ids ({@link GlobalId}) use the installed one.
 */
public final class IdCodec {

    private static volatile IdCodec installed;

    private final SecretKeySpec uidKey;
    private final SecretKeySpec macKey;
    private final SecretKeySpec encKey;
    private final String fingerprint;

    public IdCodec(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the ids key must be at least 32 bytes");
        }
        SecretKeySpec master = new SecretKeySpec(secret, "HmacSHA256");
        this.uidKey = new SecretKeySpec(hmac(master, "caselink uid"), "HmacSHA256");
        this.macKey = new SecretKeySpec(hmac(master, "caselink id mac"), "HmacSHA256");
        this.encKey = new SecretKeySpec(Arrays.copyOf(hmac(master, "caselink id enc"), 16), "AES");
        this.fingerprint = HexFormat.of().formatHex(hmac(master, "caselink fingerprint"), 0, 8);
    }

    /** Installs the codec of this process (one deployment, one secret). */
    public static void install(IdCodec codec) {
        installed = codec;
    }

    public static IdCodec installed() {
        IdCodec codec = installed;
        if (codec == null) {
            throw new IllegalStateException("No ids key is loaded yet (db.IdKeys loads it at start)");
        }
        return codec;
    }

    /** Names the secret without revealing it: stored in the graph, compared at every start. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The uid of an individual of {@code label} identified by {@code identity}, in UUID form. */
    public String uid(String label, String identity) {
        byte[] h = hmac(uidKey, label + ":" + identity);
        String hex = HexFormat.of().formatHex(h, 0, 16);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20, 32);
    }

    public String encode(EntityType type, String key) {
        byte[] plain = (type.label() + ":" + key).getBytes(StandardCharsets.UTF_8);
        byte[] iv = Arrays.copyOf(hmac(macKey, plain), 16);
        byte[] cipher = ctr(iv, plain);
        byte[] out = new byte[16 + cipher.length];
        System.arraycopy(iv, 0, out, 0, 16);
        System.arraycopy(cipher, 0, out, 16, cipher.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** The type and key of an id this codec made; empty for anything else (never an error). */
    public Optional<GlobalId> decode(String id) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length < 18 || raw.length > 4096) {
            return Optional.empty();
        }
        byte[] iv = Arrays.copyOf(raw, 16);
        byte[] plain = ctr(iv, Arrays.copyOfRange(raw, 16, raw.length));
        if (!MessageDigest.isEqual(iv, Arrays.copyOf(hmac(macKey, plain), 16))) {
            return Optional.empty();
        }
        String text = new String(plain, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(new GlobalId(EntityType.ofLabel(text.substring(0, colon)), text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] ctr(byte[] iv, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encKey, new IvParameterSpec(iv));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(SecretKeySpec key, String text) {
        return hmac(key, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
