package io.storyline.eval;

import io.storyline.copies.CopyDetector;
import io.storyline.copies.CopyDocument;
import io.storyline.copies.CopyIndex;
import io.storyline.copies.CopyMatch;
import io.storyline.copies.Relation;
import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import io.storyline.ingest.ReadProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Copy detection on the METER corpus (Clough, Gaizauskas, Piao and Wilks 2002): every Press Association (PA) wire
 * text is indexed, then each newspaper text is checked against the index ({@link CopyIndex#query}, so newspapers
 * never match each other) and its relation mapped to METER's classes: {@code exact}/{@code near} = wholly
 * derived, {@code partial} = partially derived, otherwise non-derived. Gold labels come from
 * {@code file_index/<domain>/{wholly,partially,non}_derived.txt}. Texts are read and extracted as the CLI does
 * (the ingest reader decodes METER's latin-1).
 *
 * <pre>{@code
 * CopiesMeterReport r = new CopiesMeterEvaluation(CopyDetector.builder().build()).run(meterRoot, problems::add);
 * System.out.print(r.format());
 * }</pre>
 */
public final class CopiesMeterEvaluation {
  /** METER's classes, in report order. */
  public static final List<String> CLASSES = List.of("wholly", "partially", "non");

  /** The corpus's own folder name, which some index lines start with. */
  private static final String CORPUS_PREFIX = "meter_corpus/";
  private final CopyDetector detector;
  private final Extractor extractor = Extractor.create();

  public CopiesMeterEvaluation(CopyDetector detector) {
    this.detector = detector;
  }

  /**
   * Runs the evaluation on a METER folder (the one holding {@code PA/}, {@code newspapers/}, {@code file_index/}).
   *
   * @param problems receives inputs that could not be read (they are left out)
   * @throws NoSuchFileException when the folder does not have METER's layout
   */
  public CopiesMeterReport run(Path meter, Consumer<ReadProblem> problems) throws IOException {
    Map<String, String> gold = gold(meter);
    Map<String, CopiesMeterReport.Item> items = new LinkedHashMap<>();
    int wire = 0;
    try (CopyIndex index = detector.newIndex()) {
      for (Article a : read(meter, "PA/rawtexts", problems)) {
        index.add(CopyDocument.of(a));
        wire++;
      }
      for (Article a : read(meter, "newspapers/rawtexts", problems)) {
        String cls = gold.get(a.id());
        if (cls == null) {
          continue; // not annotated
        }
        CopyMatch m = index.query(CopyDocument.of(a));
        String domain = a.id().split("/")[2];
        String story = String.join("/", List.of(a.id().split("/")).subList(2, 5));
        items.put(a.id(), new CopiesMeterReport.Item(a.id(), domain, story, cls, predicted(m.relation()),
            m.evidence()));
      }
    }
    for (String id : gold.keySet()) {
      if (!items.containsKey(id)) {
        problems.accept(new ReadProblem(id, "listed in file_index but not found among the newspaper texts"));
      }
    }
    return new CopiesMeterReport(wire, new ArrayList<>(items.values()));
  }

  /** METER's class for a relation. */
  static String predicted(Relation r) {
    switch (r) {
      case EXACT:
      case NEAR:
      case ORIGINAL:
        return "wholly";
      case PARTIAL:
        return "partially";
      default:
        return "non";
    }
  }

  private static Map<String, String> gold(Path meter) throws IOException {
    Path index = meter.resolve("file_index");
    if (!Files.isDirectory(index)) {
      throw new NoSuchFileException(index.toString(), null,
          "not a METER folder: file_index/ is missing (expected ../shared/data/meter-1999)");
    }
    Map<String, String> gold = new LinkedHashMap<>();
    try (var domains = Files.list(index)) {
      for (Path domain : domains.sorted().toList()) {
        for (String cls : CLASSES) {
          Path f = domain.resolve(cls + "_derived.txt");
          if (!Files.isRegularFile(f)) {
            continue;
          }
          for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
            String p = line.strip();
            if (p.startsWith(CORPUS_PREFIX)) {
              p = p.substring(CORPUS_PREFIX.length()); // one line of the 1999 index names the corpus folder too
            }
            if (!p.isEmpty()) {
              gold.put(p, cls);
            }
          }
        }
      }
    }
    return gold;
  }

  private List<Article> read(Path meter, String folder, Consumer<ReadProblem> problems) throws IOException {
    Path dir = meter.resolve(folder);
    List<Article> out = new ArrayList<>();
    try (DocumentReader r = Ingest.builder().problems(problems::accept).build().open(List.of(dir))) {
      for (Optional<RawDocument> d = r.next(); d.isPresent(); d = r.next()) {
        RawDocument raw = d.get();
        RawDocument withId = new RawDocument(folder + "/" + raw.id(), raw.location(), raw.kind(), raw.charset(),
            raw.content(), raw.url(), raw.title(), raw.published(), raw.source());
        out.add(extractor.extract(withId));
      }
    }
    return out;
  }
}
