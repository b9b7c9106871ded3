package io.storyline.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import io.storyline.ingest.ReadProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Scores an {@link Extractor} on a folder of cases laid out like Mozilla Readability's test pages (each
 * {@code source.html} is read with {@link Ingest}, so its charset is detected as for any other input):
 * {@code <case>/source.html}, {@code <case>/expected.html} (the article body as clean HTML) and
 * {@code <case>/expected-metadata.json} ({@code title}, {@code byline}, {@code publishedTime}).
 *
 * <p>Body: shingle precision/recall per document, averaged over documents, F1 from the two averages (see
 * {@link ShingleOverlap}). Metadata: accuracy over the cases whose gold value is present (see
 * {@link MetadataMatch}); values we give where the gold has none are counted apart as {@code extra}, not as errors,
 * because the gold misses many real dates and bylines.
 *
 * <pre>{@code
 * ExtractionEvaluation.Report r = ExtractionEvaluation.using(Extractor.create()).evaluate(dir);
 * System.out.printf("F1 %.3f%n", r.f1());
 * }</pre>
 */
public final class ExtractionEvaluation {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Extractor extractor;

  private ExtractionEvaluation(Extractor extractor) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
  }

  /** An evaluation of the given extractor. */
  public static ExtractionEvaluation using(Extractor extractor) {
    return new ExtractionEvaluation(extractor);
  }

  /** Evaluates every case folder of {@code dir} (in name order); cases missing a file are skipped with a reason. */
  public Report evaluate(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      throw new NoSuchFileException(dir.toString(), null,
          "no such folder; pass the readability-pages folder, e.g. ../shared/data/readability-pages");
    }
    if (!Files.isDirectory(dir)) {
      throw new NotDirectoryException(dir + " (expected a folder of <case>/source.html cases)");
    }
    List<Path> folders;
    try (Stream<Path> s = Files.list(dir)) {
      folders = s.filter(Files::isDirectory).sorted().toList();
    }
    List<CaseResult> cases = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Path folder : folders) {
      String name = folder.getFileName().toString();
      Path source = folder.resolve("source.html");
      Path expected = folder.resolve("expected.html");
      if (!Files.isRegularFile(source) || !Files.isRegularFile(expected)) {
        skipped.add(name + ": no source.html or expected.html");
        continue;
      }
      try {
        cases.add(evaluateCase(name, source, expected, folder.resolve("expected-metadata.json")));
      } catch (IOException e) {
        skipped.add(name + ": " + e.getMessage());
      }
    }
    return Report.of(cases, skipped);
  }

  private CaseResult evaluateCase(String name, Path source, Path expected, Path metadata) throws IOException {
    List<ReadProblem> problems = new ArrayList<>();
    Optional<RawDocument> doc;
    try (DocumentReader reader = Ingest.builder().problems(problems::add).build().open(source)) {
      doc = reader.next();
    }
    if (doc.isEmpty()) {
      throw new IOException("source.html could not be read: "
          + (problems.isEmpty() ? "no document" : problems.get(0).reason()));
    }
    String expectedText = Jsoup.parseBodyFragment(readUtf8(expected)).body().text();
    JsonNode gold = Files.isRegularFile(metadata) ? JSON.readTree(metadata.toFile()) : JSON.createObjectNode();
    Article article = extractor.extract(doc.get());
    ShingleOverlap body = ShingleOverlap.of(expectedText, article.text());
    String goldTitle = text(gold, "title");
    String goldByline = text(gold, "byline");
    String goldDate = text(gold, "publishedTime");
    return new CaseResult(name, article.status(), body.hasPrediction(), body.hasExpectation(),
        body.precision(), body.recall(),
        Check.of(goldTitle, article.title(), MetadataMatch.titleMatches(goldTitle, article.title())),
        Check.of(goldByline, article.byline(), MetadataMatch.bylineMatches(goldByline, article.byline())),
        Check.of(goldDate, article.published(), MetadataMatch.dateMatches(goldDate, article.published())));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  /** Reads a file as UTF-8, replacing malformed bytes rather than failing. */
  private static String readUtf8(Path p) throws IOException {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(Files.readAllBytes(p)))
        .toString();
  }

  /** Outcome of one metadata field on one case. */
  public enum Check {
    /** The gold has a value and ours matches it. */
    CORRECT,
    /** The gold has a value and ours is missing or different. */
    WRONG,
    /** The gold has no value and neither do we. */
    NONE,
    /** The gold has no value, we give one (not scored: the gold misses many real values). */
    EXTRA;

    static Check of(String gold, Object ours, boolean matches) {
      if (gold == null) {
        return ours == null ? NONE : EXTRA;
      }
      return matches ? CORRECT : WRONG;
    }
  }

  /**
   * Scores of one case.
   *
   * @param name           case folder name
   * @param status         what the extractor said about the page
   * @param predicted      whether the extractor gave any body text (counts towards precision)
   * @param expected       whether the gold has body text (counts towards recall)
   * @param precision      shingle precision of the body
   * @param recall         shingle recall of the body
   * @param title          title check
   * @param byline         byline check
   * @param date           publication date check
   */
  public record CaseResult(String name, Article.Status status, boolean predicted, boolean expected,
      double precision, double recall, Check title, Check byline, Check date) {

    public CaseResult {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
    }

    /** F1 of this case's body precision and recall. */
    public double f1() {
      return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
  }

  /**
   * Accuracy of one metadata field.
   *
   * @param correct cases where the gold has a value and ours matches
   * @param total   cases where the gold has a value
   * @param extra   cases where the gold has none and we give one
   */
  public record Accuracy(int correct, int total, int extra) {
    public Accuracy {
      if (correct < 0 || total < correct || extra < 0) {
        throw new IllegalArgumentException("bad counts: correct=" + correct + " total=" + total + " extra=" + extra);
      }
    }

    /** correct / total, or 0 when there is no gold value at all. */
    public double value() {
      return total == 0 ? 0 : (double) correct / total;
    }
  }

  /**
   * The whole evaluation.
   *
   * @param cases     every scored case, in name order
   * @param skipped   cases that could not be scored, each with its reason
   * @param precision body precision averaged over the cases with a prediction
   * @param recall    body recall averaged over the cases with an expectation
   * @param f1        harmonic mean of the two averages
   * @param title     title accuracy
   * @param byline    byline accuracy
   * @param date      publication-date accuracy
   */
  public record Report(List<CaseResult> cases, List<String> skipped, double precision, double recall, double f1,
      Accuracy title, Accuracy byline, Accuracy date) {

    public Report {
      cases = List.copyOf(cases);
      skipped = List.copyOf(skipped);
    }

    static Report of(List<CaseResult> cases, List<String> skipped) {
      double p = cases.stream().filter(CaseResult::predicted).mapToDouble(CaseResult::precision).average().orElse(0);
      double r = cases.stream().filter(CaseResult::expected).mapToDouble(CaseResult::recall).average().orElse(0);
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      return new Report(cases, skipped, p, r, f1, accuracy(cases, CaseResult::title),
          accuracy(cases, CaseResult::byline), accuracy(cases, CaseResult::date));
    }

    private static Accuracy accuracy(List<CaseResult> cases, java.util.function.Function<CaseResult, Check> f) {
      int correct = 0;
      int total = 0;
      int extra = 0;
      for (CaseResult c : cases) {
        Check k = f.apply(c);
        correct += k == Check.CORRECT ? 1 : 0;
        total += k == Check.CORRECT || k == Check.WRONG ? 1 : 0;
        extra += k == Check.EXTRA ? 1 : 0;
      }
      return new Accuracy(correct, total, extra);
    }
  }
}
