package io.storyline.cli;

import io.storyline.ingest.RawDocument;
import io.storyline.ingest.ReadProblem;
import io.storyline.store.AddResult;
import io.storyline.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Feeds the documents of an {@link InputRun} into a {@link Store} in batches: one {@link Store#add} (one commit)
 * per {@value #BATCH} documents or per {@value #BATCH_MILLIS} ms, whichever comes first. After each batch is
 * durable, its results are written as JSON lines (when wanted) and flushed: a line on the output means the
 * document is safely stored. Skipped documents are reported as problems.
 */
final class StoreIngest {
  static final int BATCH = 256;
  static final long BATCH_MILLIS = 2_000;

  private final Store store;
  private final PrintWriter err;
  private final String command;
  private final InputRun run;
  private final boolean writeLines;
  private final LongSupplier millis;
  private final List<RawDocument> pending = new ArrayList<>();
  private final Map<String, String> locations = new java.util.HashMap<>();
  private final Map<AddResult.Outcome, Long> counts = new EnumMap<>(AddResult.Outcome.class);
  private long batchStart;
  private boolean announced;

  StoreIngest(Store store, InputRun run, boolean writeLines, PrintWriter err, String command) {
    this.err = err;
    this.command = command;
    this.store = store;
    this.run = run;
    this.writeLines = writeLines;
    this.millis = System::currentTimeMillis;
  }

  /** Reads every input document into the store, then flushes the last batch. */
  void ingestAll() {
    run.forEach(this::accept);
    flush();
  }

  private void accept(RawDocument doc) throws IOException {
    if (pending.isEmpty()) {
      batchStart = millis.getAsLong();
    }
    pending.add(doc);
    locations.put(doc.id(), doc.location());
    if (pending.size() >= BATCH || millis.getAsLong() - batchStart >= BATCH_MILLIS) {
      flush();
    }
  }

  /** Stores the pending batch and writes its results. */
  void flush() {
    if (pending.isEmpty()) {
      return;
    }
    if (!announced && !store.stats().ready()) {
      announced = true;
      err.printf("%s: replaying the %,d stored articles through the copies and stories stages first (once per "
          + "open)%n", command, store.stats().articles());
      err.flush();
    }
    List<AddResult> results;
    try {
      results = store.add(pending);
    } catch (IOException e) {
      throw new CliFailure("cannot write to the store " + store.directory() + ": " + e.getMessage()
          + "; the documents acknowledged before are safe, run the command again to add the rest", e);
    }
    for (AddResult r : results) {
      counts.merge(r.outcome(), 1L, Long::sum);
      if (r.outcome() == AddResult.Outcome.SKIPPED) {
        run.problem(new ReadProblem(locations.getOrDefault(r.id(), r.id()), r.reason(), ReadProblem.Cause.OTHER));
      }
      if (writeLines) {
        run.output().write(new Line(r));
      }
    }
    if (writeLines) {
      run.output().flush();
    }
    pending.clear();
    locations.clear();
  }

  long count(AddResult.Outcome outcome) {
    return counts.getOrDefault(outcome, 0L);
  }

  /** Prints "added, updated, unchanged, skipped" and what the store holds. */
  void printSummary(PrintWriter err, String command) {
    Store.Stats s = store.stats();
    err.printf("%s: %,d added, %,d updated, %,d unchanged, %,d skipped; %s holds %,d articles, %,d stories, "
            + "%,d topics%n", command, count(AddResult.Outcome.ADDED), count(AddResult.Outcome.UPDATED),
        count(AddResult.Outcome.UNCHANGED), count(AddResult.Outcome.SKIPPED), s.directory(), s.articles(),
        s.stories(), s.topics());
    if (!s.copiesEnabled() || !s.storiesEnabled()) {
      err.printf("%s: note: %s not available in this build; articles are stored without them%n", command,
          !s.copiesEnabled() && !s.storiesEnabled() ? "copy detection and story clustering are"
              : !s.copiesEnabled() ? "copy detection is" : "story clustering is");
    }
    err.flush();
  }

  /** One output line: what happened to a document. */
  record Line(String id, String outcome, String reason, String copyGroup, String relation, List<String> sources,
      String story, String topic) {
    Line(AddResult r) {
      this(r.id(), r.outcome().name().toLowerCase(java.util.Locale.ROOT), r.reason(), r.copyGroup(), r.relation(),
          r.sources().isEmpty() ? null : r.sources(), r.storyId(), r.topicId());
    }
  }
}
