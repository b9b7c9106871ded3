package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.ingest.RawDocument;
import io.storyline.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every METER text (../shared/data/meter-1999, skipped when absent) gives a body; every PA take a title. */
class MeterCorpusTest {

  private static final Extractor EXTRACTOR = Extractor.builder().detectLanguage(false).build();

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> p.toString().endsWith(".txt")).sorted().collect(Collectors.toList());
    }
  }

  private static Article extract(Path root, Path file) throws IOException {
    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    return EXTRACTOR.extract(new RawDocument(root.relativize(file).toString(), file.toString(),
        RawDocument.ContentKind.TEXT, "ISO-8859-1", content, null, null, null, null));
  }

  @Test
  void everyPaTakeHasATitleAPublicationTimeAndACleanBody() throws IOException {
    Path root = SharedData.require("data/meter-1999/PA/rawtexts");
    List<String> problems = new ArrayList<>();
    List<Path> files = files(root);
    assertThat(files).hasSizeGreaterThan(400);
    for (Path f : files) {
      Article a = extract(root, f);
      if (a.status() != Article.Status.ARTICLE || a.text().isBlank() || a.title() == null || a.title().isBlank()) {
        problems.add(f + ": status " + a.status() + ", title " + a.title());
      }
      if (a.published() == null || !"PA".equals(a.agency())) {
        problems.add(f + ": published " + a.published() + ", agency " + a.agency());
      }
      for (String residue : new String[] {"``", "''", "<\n", "-----", "\u0019", "(HHH)"}) {
        if ((a.text() + "\n").contains(residue)) {
          problems.add(f + ": wire residue " + residue);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyNewspaperTextHasABody() throws IOException {
    Path root = SharedData.require("data/meter-1999/newspapers/rawtexts");
    List<String> problems = new ArrayList<>();
    List<Path> files = files(root);
    assertThat(files).hasSizeGreaterThan(500);
    for (Path f : files) {
      Article a = extract(root, f);
      if (a.status() != Article.Status.ARTICLE || a.text().isBlank()) {
        problems.add(f + ": status " + a.status());
      }
    }
    assertThat(problems).isEmpty();
  }
}
