package io.storyline.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import io.storyline.ingest.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a {@code POST /api/articles} body into raw documents, with the fields and rules of the JSONL input format
 * ({@code id}, {@code url}, {@code title}, {@code text} or {@code html}, {@code published}, {@code source}; see
 * {@link Ingest#openJsonLines}). Accepted bodies: one JSON object (pretty-printed or not), a JSON array of objects,
 * or JSON Lines (one object per line). Every document needs an {@code id}: a client must be able to send it again
 * safely. The whole body is checked before anything is stored: one bad line rejects the request (400) naming it.
 */
final class RequestDocuments {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final int MAX_PROBLEMS_LISTED = 5;

  private RequestDocuments() {}

  static List<RawDocument> parse(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      throw ApiException.badRequest("the body is empty; send one JSON article, a JSON array or JSON Lines with "
          + "fields id, title, text or html, url, published, source");
    }
    byte[] lines = asJsonLines(text, body);
    List<ReadProblem> problems = new ArrayList<>();
    Ingest ingest = Ingest.builder().maxFileSize(Math.max(1, lines.length)).problems(problems::add).build();
    List<RawDocument> docs = new ArrayList<>();
    try (DocumentReader reader = ingest.openJsonLines(new ByteArrayInputStream(lines), "line")) {
      reader.stream().forEach(docs::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    problems.removeIf(p -> p.cause() == ReadProblem.Cause.BAD_FIELD); // kept without the field, like the CLI
    for (RawDocument d : docs) {
      if (d.id().startsWith("line:") && d.location().equals(d.id())) {
        problems.add(new ReadProblem(d.location(), "the article has no \"id\"; give every article a stable id so "
            + "that sending it again is safe", ReadProblem.Cause.BAD_JSON_LINE));
      }
    }
    if (!problems.isEmpty()) {
      String listed = problems.stream().limit(MAX_PROBLEMS_LISTED).map(p -> p.location() + ": " + p.reason())
          .collect(Collectors.joining("; "));
      throw ApiException.badRequest(problems.size() + " malformed article" + (problems.size() == 1 ? "" : "s")
          + ", nothing stored: " + listed + (problems.size() > MAX_PROBLEMS_LISTED ? "; ..." : ""));
    }
    return docs;
  }

  /** One object or an array becomes JSON Lines (one compact object per line); anything else is taken as JSONL. */
  private static byte[] asJsonLines(String text, byte[] body) {
    if (!text.startsWith("{") && !text.startsWith("[")) {
      return body;
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return body; // several objects (JSON Lines), or malformed: the line reader names the line
    }
    StringBuilder out = new StringBuilder();
    if (node.isArray()) {
      if (node.isEmpty()) {
        throw ApiException.badRequest("the array holds no articles");
      }
      for (JsonNode element : node) {
        out.append(element.toString()).append('\n');
      }
    } else {
      out.append(node.toString()).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
