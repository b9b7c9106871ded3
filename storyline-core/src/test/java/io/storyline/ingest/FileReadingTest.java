package io.storyline.ingest;

import static io.storyline.testing.IngestFixtures.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.storyline.testing.IngestFixtures;
import io.storyline.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files and directory trees: ids, order, hidden files, charsets, gzip, sniffing. */
class FileReadingTest {
  private static final String[] SEED_IDS = {
      "000_07f4cbc89c93d9ec.txt", "001_ad8f6daf88e7a778.txt", "003_0eaa330e43070bbf.txt"};

  @TempDir Path tmp;

  @Test
  void readsTheSeedsWithTheirFileNamesAsIds() {
    ReadResult r = ReadResult.read(IngestFixtures.copySeeds(tmp.resolve("seeds")));
    assertThat(r.ids()).containsExactly(SEED_IDS);
    assertThat(r.problems()).isEmpty();
    RawDocument first = r.documents().get(0);
    assertThat(first.kind()).isEqualTo(RawDocument.ContentKind.TEXT);
    assertThat(first.charset()).isEqualTo("UTF-8");
    assertThat(first.content()).contains("Support The Moscow Times!");
    assertThat(first.location()).isEqualTo(tmp.resolve("seeds/000_07f4cbc89c93d9ec.txt").toString());
  }

  @Test
  void directoryIdsAreRelativePathsWithSlashesInSortedDepthFirstOrder() throws IOException {
    Path root = tmp.resolve("crawl");
    write(root.resolve("b/z.txt"), "z");
    write(root.resolve("b/a.txt"), "a");
    write(root.resolve("a.txt"), "top");
    write(root.resolve("c/deeper/d.txt"), "d");
    ReadResult r = ReadResult.read(root);
    assertThat(r.ids()).containsExactly("a.txt", "b/a.txt", "b/z.txt", "c/deeper/d.txt");
  }

  @Test
  void fileInputGetsItsNameAsId() throws IOException {
    Path file = write(tmp.resolve("some/where/story.txt"), "text");
    assertThat(ReadResult.read(file).ids()).containsExactly("story.txt");
  }

  @Test
  void openFileNamesDocumentsAndProblemsWithTheCallersIdAndLocation() throws IOException {
    Path text = write(tmp.resolve("copy/story.txt"), "text");
    List<ReadProblem> problems = new java.util.ArrayList<>();
    Ingest ingest = Ingest.builder().problems(problems::add).build();
    try (DocumentReader r = ingest.openFile(text, "2014/11/story.txt", "hdfs://nn/news/2014/11/story.txt")) {
      RawDocument d = r.next().orElseThrow();
      assertThat(d.id()).isEqualTo("2014/11/story.txt");
      assertThat(d.location()).isEqualTo("hdfs://nn/news/2014/11/story.txt");
      assertThat(r.next()).isEmpty();
    }
    Path feed = copy("jsonl/bad-lines.jsonl", tmp);
    try (DocumentReader r = ingest.openFile(feed, "feeds/bad-lines.jsonl", "s3a://bucket/feeds/bad-lines.jsonl")) {
      assertThat(r.stream().map(RawDocument::id)).contains("ok-1", "feeds/bad-lines.jsonl:7");
    }
    assertThat(problems).isNotEmpty().allSatisfy(p -> assertThat(p.location())
        .startsWith("s3a://bucket/feeds/bad-lines.jsonl:"));
    assertThatThrownBy(() -> ingest.openFile(tmp, "x", "y")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("directory");
    assertThatThrownBy(() -> ingest.openFile(text, " ", "y")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ingest.openFile(tmp.resolve("gone.txt"), "x", "y"))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void skipsHiddenFilesAndDirectories() throws IOException {
    Path root = tmp.resolve("site");
    write(root.resolve(".DS_Store"), "junk");
    write(root.resolve(".git/HEAD"), "ref");
    write(root.resolve("page.txt"), "visible");
    ReadResult r = ReadResult.read(root);
    assertThat(r.ids()).containsExactly("page.txt");
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void decodesLatin1TextWithPoundAndCurlyQuotes() {
    RawDocument d = ReadResult.read(copy("text/latin1.txt", tmp)).doc("latin1.txt");
    assertThat(d.content()).contains("\u00a3300 million", "\u201cthe best deal for Britain\u201d", "\u2013", "Caf\u00e9");
    assertThat(d.charset()).isEqualTo("windows-1252");
  }

  @Test
  void decodesMeterTextsFromTheSharedData() {
    Path meter = SharedData.require("data/meter-1999/newspapers/rawtexts/showbiz/14.12.99/mccartney");
    ReadResult r = ReadResult.read(meter);
    assertThat(r.problems()).isEmpty();
    assertThat(r.doc("mccartney173_times.txt").content()).contains("\u00a3300").doesNotContain("\ufffd");
  }

  @Test
  void decodesUtf8ByteOrderMarksAndUtf16() {
    ReadResult r = ReadResult.read(copy("text/utf8.txt", tmp), copy("text/utf8-bom.txt", tmp),
        copy("text/utf16le-bom.txt", tmp));
    assertThat(r.doc("utf8.txt").content()).isEqualTo("Grüße aus Köln — “Anführung”.\n");
    assertThat(r.doc("utf8-bom.txt").content()).isEqualTo("Price: €5\n");
    assertThat(r.doc("utf16le-bom.txt").content()).isEqualTo("UTF-16 text: £5\n");
    assertThat(r.doc("utf16le-bom.txt").charset()).isEqualTo("UTF-16LE");
  }

  @Test
  void readsGzipCompressedTextAndHtml() {
    ReadResult r = ReadResult.read(copy("text/gzipped.txt.gz", tmp), copy("text/page.html.gz", tmp));
    assertThat(r.doc("gzipped.txt.gz").content()).contains("the £ and “quotes”");
    assertThat(r.doc("page.html.gz").kind()).isEqualTo(RawDocument.ContentKind.HTML);
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void readsHtmlWithTheCharsetItsMetaTagDeclares() {
    ReadResult r = ReadResult.read(copy("text/page-latin1.html", tmp), copy("text/page-utf8.htm", tmp));
    RawDocument latin = r.doc("page-latin1.html");
    assertThat(latin.kind()).isEqualTo(RawDocument.ContentKind.HTML);
    assertThat(latin.charset()).isEqualTo("windows-1252");
    assertThat(latin.content()).contains("Na\u00efve", "\u00a3300 \u201cquoted\u201d");
    assertThat(r.doc("page-utf8.htm").content()).contains("Köln €5");
  }

  @Test
  void sniffsFilesWithoutExtension() {
    ReadResult r = ReadResult.read(copy("text/sniffed-page", tmp));
    assertThat(r.doc("sniffed-page").kind()).isEqualTo(RawDocument.ContentKind.HTML);
  }

  @Test
  void missingInputFailsBeforeAnythingIsRead() {
    Ingest ingest = Ingest.create();
    assertThatThrownBy(() -> ingest.open(List.of(tmp, tmp.resolve("nope"))))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("nope").hasMessageContaining("check the path");
  }

  @Test
  void readsLazilyOneDocumentAtATime() throws IOException {
    Path root = tmp.resolve("many");
    for (int i = 0; i < 5; i++) {
      write(root.resolve("f" + i + ".txt"), "doc " + i);
    }
    List<ReadProblem> problems = new java.util.ArrayList<>();
    try (DocumentReader reader = Ingest.builder().problems(problems::add).build().open(root)) {
      assertThat(reader.next()).map(RawDocument::id).contains("f0.txt");
      Files.delete(root.resolve("f4.txt")); // listed already, but only opened when reached
      List<String> rest = reader.stream().map(RawDocument::id).collect(Collectors.toList());
      assertThat(rest).containsExactly("f1.txt", "f2.txt", "f3.txt");
    }
    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.location()).endsWith("f4.txt");
      assertThat(p.cause()).isEqualTo(ReadProblem.Cause.UNREADABLE);
      assertThat(p.reason()).contains("no such file");
    });
  }

  @Test
  void builderRejectsBadLimitsAndDoubleSettings() {
    assertThatThrownBy(() -> Ingest.builder().maxFileSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFileSize").hasMessageContaining("0");
    assertThatThrownBy(() -> Ingest.builder().maxFileSize(10).maxFileSize(20))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already set");
    assertThatThrownBy(() -> Ingest.create().open(List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inputs");
  }

  static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void pipesAreNamedAndPassedOverWhetherFoundInAFolderOrGivenWithoutHanging() throws Exception {
    Path root = Files.createDirectory(tmp.resolve("odd"));
    write(root.resolve("story.txt"), "A story.");
    Path inFolder = root.resolve("pipe.txt");
    Path sniffed = tmp.resolve("pipe");
    Path named = tmp.resolve("feed.jsonl");
    for (Path fifo : List.of(inFolder, sniffed, named)) {
      Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "needs mkfifo");
    }
    // nobody writes to the pipes: opening one for reading would block forever
    ReadResult r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ReadResult.read(root, sniffed, named));
    assertThat(r.ids()).containsExactly("story.txt");
    for (Path fifo : List.of(inFolder, sniffed, named)) {
      assertThat(r.problemAt(fifo.toString()).reason()).startsWith("not a regular file (device, socket or pipe)");
    }
  }
}
