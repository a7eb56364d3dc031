package org.caselink;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The tests' one way to call the service over HTTP, as a signed-in analyst would: every request
 * carries the demo account's credentials (HTTP Basic).
 */
public final class HttpApi {

    public static final String USER = "analyst";
    public static final String PASSWORD = "analyst-demo";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public HttpApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** POSTs {@code json} as it is (no check that it is one GraphQL request). */
    public HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(
                request.header("Authorization", authorization()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
