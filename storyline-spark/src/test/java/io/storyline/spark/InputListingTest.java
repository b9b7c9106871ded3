package io.storyline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputListingTest {
  @TempDir Path tmp;

  private static List<InputFile> list(Path... inputs) throws IOException {
    return InputListing.list(java.util.Arrays.stream(inputs).map(Path::toString).toList(), new Configuration());
  }

  private static List<String> cliIds(Path... inputs) throws IOException {
    try (DocumentReader r = Ingest.create().open(inputs)) {
      return r.stream().map(RawDocument::id).toList();
    }
  }

  @Test
  void givesFilesTheIdsAndOrderOfTheCliReader() throws IOException {
    Path root = tmp.resolve("crawl");
    for (String f : List.of("b/z.txt", "b/a.txt", "a.txt", "c/deeper/d.txt", "b-c.txt", "b/a/x.txt")) {
      write(root.resolve(f));
    }
    Path single = write(tmp.resolve("elsewhere/one.txt"));
    List<InputFile> files = list(root, single);
    assertThat(files).extracting(InputFile::id).containsExactlyElementsOf(cliIds(root, single))
        .containsExactly("a.txt", "b/a/x.txt", "b/a.txt", "b/z.txt", "b-c.txt", "c/deeper/d.txt", "one.txt");
    assertThat(files).extracting(InputFile::rank).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
    assertThat(files.get(0).location()).isEqualTo(root + "/a.txt");
    assertThat(files.get(6).location()).isEqualTo(single.toString());
    assertThat(files.get(0).uri()).startsWith("file:/").endsWith("crawl/a.txt");
  }

  @Test
  void skipsHiddenEntriesAndHadoopMarkers() throws IOException {
    Path root = tmp.resolve("site");
    write(root.resolve(".git/HEAD"));
    write(root.resolve(".DS_Store"));
    write(root.resolve("_SUCCESS"));
    write(root.resolve("_temporary/0/part-0"));
    write(root.resolve("page.txt"));
    assertThat(list(root)).extracting(InputFile::id).containsExactly("page.txt");
  }

  @Test
  void readsTheMatchesOfAGlobInSortedOrder() throws IOException {
    write(tmp.resolve("2024-02/b.txt"));
    write(tmp.resolve("2024-01/a.txt"));
    write(tmp.resolve("2023-12/old.txt"));
    List<InputFile> files = InputListing.list(List.of(tmp + "/2024-*"), new Configuration());
    assertThat(files).extracting(InputFile::id).containsExactly("a.txt", "b.txt");
    assertThat(files.get(0).location()).endsWith("2024-01/a.txt");
  }

  @Test
  void namesAnInputThatDoesNotExist() {
    assertThatThrownBy(() -> list(tmp.resolve("nothere"))).isInstanceOf(FileNotFoundException.class)
        .hasMessage(tmp.resolve("nothere") + ": input not found; check the path");
  }

  private static Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "text of " + file.getFileName());
  }
}
