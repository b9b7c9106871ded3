package io.storyline.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Shuffle bytes written per pipeline stage of a {@link StorylineJob} run, for the benchmark: a Spark listener that
 * reads each Spark stage's {@link StorylineJob#STAGE_PROPERTY} when it is submitted and sums the shuffle bytes its
 * tasks write (serialized and compressed, as they go to disk and over the network; spark.shuffle.compress is on by
 * default). Register with {@code sparkContext().addSparkListener} before the run.
 */
final class ShuffleMeter extends SparkListener {
  private final Map<Integer, String> stageNames = new ConcurrentHashMap<>();
  private final Map<String, Long> bytes = new ConcurrentHashMap<>();
  private final Map<String, Long> records = new ConcurrentHashMap<>();

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    java.util.Properties p = submitted.properties();
    String name = p == null ? null : p.getProperty(StorylineJob.STAGE_PROPERTY);
    stageNames.put(submitted.stageInfo().stageId(), name == null ? "other" : name);
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskMetrics() == null) {
      return;
    }
    String name = stageNames.getOrDefault(end.stageId(), "other");
    bytes.merge(name, end.taskMetrics().shuffleWriteMetrics().bytesWritten(), Long::sum);
    records.merge(name, end.taskMetrics().shuffleWriteMetrics().recordsWritten(), Long::sum);
  }

  /** Shuffle bytes written per pipeline stage, in the job's stage order. */
  Map<String, Long> bytes() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String stage : new String[] {"read+extract", "copies", "stories", "write", "other"}) {
      if (bytes.getOrDefault(stage, 0L) > 0) {
        out.put(stage, bytes.get(stage));
      }
    }
    return out;
  }

  /** Shuffle records written per pipeline stage. */
  long records(String stage) {
    return records.getOrDefault(stage, 0L);
  }
}
