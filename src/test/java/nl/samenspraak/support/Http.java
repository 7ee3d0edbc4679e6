package nl.samenspraak.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.samenspraak.http.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A plain JDK HTTP client with a cookie jar: one per simulated browser. */
public final class Http {
    private static final ObjectMapper MAPPER = Json.mapper();
    private final String baseUrl;
    private final HttpClient client;

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }

        public String error() { return json().path("error").asText(); }
    }

    /** A client of a server this test started itself (a child JVM, say), not logged in. */
    public static Http to(String baseUrl) {
        return new Http(baseUrl);
    }

    Http(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    public Response login(String name, String password) {
        Response r = post("/api/login", Map.of("name", name, "password", password));
        if (r.status() != 200) throw new AssertionError("Login failed for " + name + ": " + r.body());
        return r;
    }

    public Response get(String path) { return send(request(path).GET()); }

    /** A download: its status, bytes and headers. */
    public record Download(int status, byte[] body, java.net.http.HttpHeaders headers) {
        public String text() { return new String(body, StandardCharsets.UTF_8); }
    }

    /** GET as bytes (a workbook, a zip), with this client's session. */
    public Download download(String path) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response delete(String path) { return send(request(path).DELETE()); }

    public Response post(String path, Object body) { return send(request(path).POST(json(body)).header("Content-Type", "application/json")); }

    public Response put(String path, Object body) { return send(request(path).PUT(json(body)).header("Content-Type", "application/json")); }

    public Response patch(String path, Object body) {
        return send(request(path).method("PATCH", json(body)).header("Content-Type", "application/json"));
    }

    public Response postRaw(String path, String contentType, byte[] body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType));
    }

    /** A multipart/form-data POST with files in the field 'file' and plain text fields. */
    public Response postFiles(String path, Map<String, String> fields, List<Map.Entry<String, byte[]>> files) {
        String boundary = "----samenspraak" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
        for (var f : files) {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(f.getValue());
            write(out, "\r\n");
        }
        write(out, "--" + boundary + "--\r\n");
        return postRaw(path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    public Response postFile(String path, String fileName, byte[] content, Map<String, String> fields) {
        return postFiles(path, fields, List.of(Map.entry(fileName, content)));
    }

    private HttpRequest.Builder request(String path) {
        // Every change carries the server's own origin, as the pages' requests do (http.SameOrigin).
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").header("Origin", baseUrl);
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
