package io.storyline.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Synthetic news corpora for {@code storyline bench read}: a folder of text and HTML articles and a WARC of
 * request/response pairs, sized like real ones (articles of 3–8 paragraphs; HTML pages of 30–60 KB, mostly site
 * chrome and scripts, as on news sites). The text mixes ASCII with £, € and curly quotes so decoding does real
 * work. Deterministic for a given seed.
 */
final class ReadBenchData {
  private static final String[] WORDS = (
      "the minister said on Tuesday that talks would continue despite growing pressure from allies and "
      + "opposition parties government officials confirmed report police court election market shares fell "
      + "rose percent million billion £300 €45 “we will not back down” café naïve Zürich São Paulo "
      + "spokesman agency Reuters according statement week year city council plan budget crisis support "
      + "security forces talks peace deal agreement vote parliament president prime leader").split(" ");

  private final Random random;
  private final String chrome;

  /** @param seed the corpus seed; the bench uses a constant so every run reads the same bytes */
  ReadBenchData(long seed) {
    this.random = new Random(seed);
    StringBuilder sb = new StringBuilder();
    sb.append("<script>window.dataLayer=window.dataLayer||[];");
    while (sb.length() < 24_000) {
      sb.append("function f").append(sb.length()).append("(a,b){return a.concat(b).map(x=>x*2);}");
    }
    sb.append("</script><nav><ul>");
    for (int i = 0; i < 60; i++) {
      sb.append("<li><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
    }
    this.chrome = sb.append("</ul></nav>").toString();
  }

  String paragraph() {
    int n = 30 + random.nextInt(60);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return sb.append('.').toString();
  }

  String textArticle() {
    StringBuilder sb = new StringBuilder(paragraph()).append("\n\n");
    for (int i = 3 + random.nextInt(6); i > 0; i--) {
      sb.append(paragraph()).append("\n\n");
    }
    return sb.toString();
  }

  String htmlPage(int n) {
    StringBuilder sb = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>Story ")
        .append(n).append("</title></head><body>").append(chrome).append("<article><h1>")
        .append(paragraph(), 0, 40).append("</h1>");
    for (int i = 3 + random.nextInt(6); i > 0; i--) {
      sb.append("<p>").append(paragraph()).append("</p>");
    }
    sb.append("</article>");
    for (int target = 30_000 + random.nextInt(30_000); sb.length() < target; ) {
      sb.append("<div class=\"teaser\"><a href=\"/more\">").append(paragraph()).append("</a></div>");
    }
    return sb.append("</body></html>").toString();
  }

  /** Writes {@code files} articles (4 in 5 as .txt, 1 in 5 as .html) in folders of 100; returns bytes written. */
  long writeFolder(Path dir, int files) throws IOException {
    long bytes = 0;
    for (int i = 0; i < files; i++) {
      Path sub = dir.resolve(String.format("%04d", i / 100));
      if (i % 100 == 0) {
        Files.createDirectories(sub);
      }
      boolean html = i % 5 == 4;
      byte[] data = (html ? htmlPage(i) : textArticle()).getBytes(StandardCharsets.UTF_8);
      Files.write(sub.resolve(String.format("story-%06d.%s", i, html ? "html" : "txt")), data);
      bytes += data.length;
    }
    return bytes;
  }

  /** Writes request/response pairs until the file holds {@code bytes}; returns the number of pages. */
  long writeWarc(Path file, long bytes) throws IOException {
    long pages = 0;
    Instant start = Instant.parse("2014-11-26T00:00:00Z");
    try (OutputStream out = Files.newOutputStream(file); WarcWriter warc = new WarcWriter(out)) {
      while (warc.position() < bytes) {
        String uri = "https://news.example.org/" + pages + "/story.html";
        Instant when = start.plusSeconds(pages * 7);
        warc.write(new WarcRequest.Builder(uri).date(when).recordId(new UUID(1, pages))
            .body(MediaType.HTTP_REQUEST, ("GET /" + pages + "/story.html HTTP/1.1\r\nHost: news.example.org\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII))
            .build());
        byte[] body = htmlPage((int) pages).getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] http = new byte[head.length + body.length];
        System.arraycopy(head, 0, http, 0, head.length);
        System.arraycopy(body, 0, http, head.length, body.length);
        warc.write(new WarcResponse.Builder(URI.create(uri)).date(when).recordId(new UUID(2, pages))
            .body(MediaType.HTTP_RESPONSE, http).build());
        pages++;
      }
    }
    return pages;
  }
}
