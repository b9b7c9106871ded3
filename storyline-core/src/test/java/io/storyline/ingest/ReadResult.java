package io.storyline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything one read gave: documents and problems, for assertions. */
record ReadResult(List<RawDocument> documents, List<ReadProblem> problems) {

  static ReadResult read(Path... inputs) {
    return read(Ingest.DEFAULT_MAX_FILE_SIZE, inputs);
  }

  static ReadResult read(long maxFileSize, Path... inputs) {
    List<ReadProblem> problems = new ArrayList<>();
    List<RawDocument> docs = new ArrayList<>();
    Ingest ingest = Ingest.builder().maxFileSize(maxFileSize).problems(problems::add).build();
    try (DocumentReader reader = ingest.open(inputs)) {
      for (Optional<RawDocument> d = reader.next(); d.isPresent(); d = reader.next()) {
        docs.add(d.get());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ReadResult(docs, problems);
  }

  List<String> ids() {
    return documents.stream().map(RawDocument::id).toList();
  }

  RawDocument doc(String id) {
    return documents.stream().filter(d -> d.id().equals(id)).findFirst()
        .orElseThrow(() -> new AssertionError("no document " + id + " in " + ids()));
  }

  ReadProblem problemAt(String locationSuffix) {
    return problems.stream().filter(p -> p.location().endsWith(locationSuffix)).findFirst()
        .orElseThrow(() -> new AssertionError("no problem at " + locationSuffix + " in " + problems));
  }
}
