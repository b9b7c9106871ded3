package io.storyline.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one run of the {@link StorylineJob} did; also written as {@code summary.json} in the output folder.
 *
 * @param output     the output folder
 * @param files      input files listed
 * @param documents  documents with an article record in the output (one per id)
 * @param problems   inputs skipped (files, lines, records, duplicate ids), by cause label ("malformed JSON line")
 * @param copyGroups copy groups of two or more documents, or -1 when copy detection was off
 * @param stories    stories, or -1 when story clustering was off
 * @param topics     topics, or -1 when story clustering was off
 * @param seconds    wall-clock seconds per stage, in the order they ran, and "total"
 * @param cores      the Spark parallelism the job ran with ({@code defaultParallelism})
 */
public record JobReport(String output, long files, long documents, Map<String, Long> problems, long copyGroups,
    long stories, long topics, Map<String, Double> seconds, int cores) {

  public JobReport {
    Objects.requireNonNull(output, "output");
    problems = Map.copyOf(problems);
    seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
    if (files < 0 || documents < 0) {
      throw new IllegalArgumentException("files and documents must be >= 0, got " + files + ", " + documents);
    }
  }

  /** Problems of every cause. */
  public long problemCount() {
    return problems.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Documents per second over the whole run. */
  public double documentsPerSecond() {
    Double total = seconds.get("total");
    return total == null || total <= 0 ? 0 : documents / total;
  }

  /** The CLI's exit code for this outcome: 0 all read, 3 partial, 1 when problems left no document. */
  public int exitCode() {
    if (problemCount() == 0) {
      return 0;
    }
    return documents == 0 ? 1 : 3;
  }
}
