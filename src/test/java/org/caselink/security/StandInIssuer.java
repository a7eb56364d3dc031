package org.caselink.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in OpenID Connect issuer for the web app's jwt-mode sign-in tests: discovery, a key set,
 * an authorization endpoint that signs in whoever {@link #signInAs} named (no screen) and a token
 * endpoint that hands out an ID token only for a code used once, with the PKCE verifier whose
 * S256 challenge came with the authorization request. Real deployments use their identity provider.
 */
public final class StandInIssuer implements AutoCloseable {

    private record Grant(
            String challenge, String redirectUri, @Nullable String nonce, Map<String, Object> claims) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final TestTokens keys;
    private final String clientId;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private volatile Map<String, Object> next = Map.of();
    private volatile String audience;

    /** What the token endpoint refused, with why: a test can see PKCE was checked. */
    public final List<String> refusals = new CopyOnWriteArrayList<>();

    /** The authorization requests received, as query strings. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    public StandInIssuer(String clientId) throws Exception {
        this.keys = new TestTokens();
        this.clientId = clientId;
        this.audience = clientId;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", e -> send(e, 200, "application/json", keys.jwkSet()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The user the next authorization signs in, with caselink's role and agency claims. */
    public void signInAs(String user, List<String> roles, @Nullable String agency) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "id-" + user);
        claims.put("preferred_username", user);
        claims.put("roles", roles);
        if (agency != null) {
            claims.put("agency", agency);
        }
        next = claims;
    }

    /** The audience of the ID tokens made from now on (the client id unless a test says otherwise). */
    public void audience(String audience) {
        this.audience = audience;
    }

    private void discovery(HttpExchange e) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", url());
        doc.put("authorization_endpoint", url() + "/authorize");
        doc.put("token_endpoint", url() + "/token");
        doc.put("jwks_uri", url() + "/jwks");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("none"));
        doc.put("scopes_supported", List.of("openid"));
        send(e, 200, "application/json", JSON.writeValueAsString(doc));
    }

    private void authorize(HttpExchange e) throws IOException {
        String query = e.getRequestURI().getRawQuery();
        authorizations.add(query);
        Map<String, String> q = form(query);
        if (!clientId.equals(q.get("client_id"))
                || !"code".equals(q.get("response_type"))
                || !"S256".equals(q.get("code_challenge_method"))
                || q.getOrDefault("code_challenge", "").isEmpty()
                || !q.getOrDefault("scope", "").contains("openid")) {
            send(e, 400, "text/plain", "bad authorization request");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(q.get("code_challenge"), q.get("redirect_uri"), q.get("nonce"), next));
        String location = q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Location", location);
        send(e, 302, "text/plain", "");
    }

    private void token(HttpExchange e) throws IOException {
        Map<String, String> f = form(new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(f.getOrDefault("code", ""));
        String refusal = null;
        if (grant == null) {
            refusal = "unknown or used code";
        } else if (!"authorization_code".equals(f.get("grant_type"))) {
            refusal = "grant_type " + f.get("grant_type");
        } else if (!grant.redirectUri().equals(f.get("redirect_uri"))) {
            refusal = "redirect_uri differs";
        } else if (!clientId.equals(f.get("client_id"))) {
            refusal = "client_id " + f.get("client_id");
        } else if (!grant.challenge().equals(s256(f.getOrDefault("code_verifier", "")))) {
            refusal = "PKCE verifier does not match the challenge";
        }
        if (refusal != null) {
            refusals.add(refusal);
            send(e, 400, "application/json", "{\"error\":\"invalid_grant\",\"error_description\":\"" + refusal + "\"}");
            return;
        }
        try {
            var claims = new JWTClaimsSet.Builder()
                    .issuer(url())
                    .audience(audience)
                    .issueTime(new Date())
                    .expirationTime(Date.from(Instant.now().plusSeconds(300)));
            grant.claims().forEach(claims::claim);
            if (grant.nonce() != null) {
                claims.claim("nonce", grant.nonce());
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", UUID.randomUUID().toString());
            body.put("token_type", "Bearer");
            body.put("expires_in", 300);
            body.put("scope", "openid");
            body.put("id_token", keys.sign(claims.build()));
            send(e, 200, "application/json", JSON.writeValueAsString(body));
        } catch (Exception ex) {
            send(e, 500, "text/plain", ex.toString());
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, String> form(@Nullable String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    private static void send(HttpExchange e, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().add("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            e.getResponseBody().write(bytes);
        }
        e.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
