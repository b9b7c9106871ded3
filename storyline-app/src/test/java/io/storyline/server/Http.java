package io.storyline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for tests of a server on loopback. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  /** A response with its body parsed as JSON (null when it is not JSON). */
  record Response(int status, String contentType, String body, JsonNode json, java.net.http.HttpHeaders headers) { }

  Response get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET());
  }

  Response post(String path, String body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json"));
  }

  Response method(String method, String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private Response send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(b.timeout(Duration.ofSeconds(60)).build(),
        HttpResponse.BodyHandlers.ofString());
    String type = r.headers().firstValue("Content-Type").orElse("");
    JsonNode json = null;
    if (type.startsWith("application/json")) {
      json = JSON.readTree(r.body());
    }
    return new Response(r.statusCode(), type, r.body(), json, r.headers());
  }

  /** One article as a JSON object. */
  static String article(String id, String title, String text, String published, String source, String url) {
    var node = JSON.createObjectNode().put("id", id).put("title", title).put("text", text);
    if (published != null) {
      node.put("published", published);
    }
    if (source != null) {
      node.put("source", source);
    }
    if (url != null) {
      node.put("url", url);
    }
    return node.toString();
  }
}
