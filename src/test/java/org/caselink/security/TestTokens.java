package org.caselink.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in token issuer for tests: an RSA key pair, its public key as the PEM file the service
 * is pointed at (spring.security.oauth2.resourceserver.jwt.public-key-location), and signed tokens
 * with caselink's claims. Real deployments point the service at their identity provider instead.
 */
public final class TestTokens {

    private final KeyPair keys;

    public TestTokens() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        this.keys = generator.generateKeyPair();
    }

    /** Writes the public key as PEM into {@code dir}; the file's location. */
    public Path publicKeyPem(Path dir) throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path file = dir.resolve("issuer-public.pem");
        Files.writeString(file, pem);
        return file;
    }

    /** A token for caselink (audience "caselink"), for {@code user} with {@code roles} and an optional agency. */
    public String token(String user, List<String> roles, @Nullable String agency) throws Exception {
        return token(user, roles, agency, "caselink");
    }

    /** The issuer the tokens name ({@code iss}). */
    public static final String ISSUER = "https://issuer.caselink.test";

    /** A token for {@code audience}, valid for 5 minutes; the user is the subject. */
    public String token(String user, List<String> roles, @Nullable String agency, String audience) throws Exception {
        return token(user, roles, agency, audience, ISSUER);
    }

    /** A token for {@code audience} from {@code issuer}, valid for 5 minutes, signed with this key. */
    public String token(String user, List<String> roles, @Nullable String agency, String audience, String issuer)
            throws Exception {
        var claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(user)
                .audience(audience)
                .claim("preferred_username", user)
                .claim("roles", roles)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        if (agency != null) {
            claims.claim("agency", agency);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    /** The public key as a JSON Web Key Set, as an issuer's jwks_uri serves it. */
    public String jwkSet() {
        var key = new com.nimbusds.jose.jwk.RSAKey.Builder((java.security.interfaces.RSAPublicKey) keys.getPublic())
                .keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID("test")
                .build();
        return new com.nimbusds.jose.jwk.JWKSet(key).toString();
    }

    /** {@code claims}, signed with this key (RS256, key id "test"). */
    public String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }
}
