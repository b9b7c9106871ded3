package io.storyline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Progress of a long run on stderr: a progress bar (progressbar library) when stderr is a terminal, else a
 * plain line every {@value #PLAIN_INTERVAL_SECONDS} seconds ({@code storyline read: 120,000 documents, ...}),
 * so logs of batch jobs stay readable. Nothing at all with {@code --quiet}.
 */
final class Progress implements AutoCloseable {
  static final int PLAIN_INTERVAL_SECONDS = 10;

  private final PrintWriter err;
  private final String label;
  private final ProgressBar bar;
  private final boolean plain;
  private final LongSupplier nanoTime;
  private final LongSupplier problems;
  private final long start;
  private long lastLine;
  private long count;

  private Progress(PrintWriter err, String label, ProgressBar bar, boolean plain, LongSupplier nanoTime,
      LongSupplier problems) {
    this.err = err;
    this.label = label;
    this.bar = bar;
    this.plain = plain;
    this.nanoTime = nanoTime;
    this.problems = problems;
    this.start = nanoTime.getAsLong();
    this.lastLine = start;
  }

  /** Starts progress for a run counting documents; {@code problems} gives the number of problems so far. */
  static Progress start(String label, PrintWriter err, boolean quiet, LongSupplier problems) {
    if (quiet) {
      return new Progress(err, label, null, false, System::nanoTime, problems);
    }
    if (stderrIsTerminal()) {
      ProgressBar bar = new ProgressBarBuilder()
          .setTaskName(label)
          .setInitialMax(-1)
          .setUnit(" docs", 1)
          .showSpeed()
          .setUpdateIntervalMillis(500)
          .setConsumer(new ConsoleProgressBarConsumer(System.err))
          .clearDisplayOnFinish()
          .build();
      return new Progress(err, label, bar, false, System::nanoTime, problems);
    }
    return new Progress(err, label, null, true, System::nanoTime, problems);
  }

  /** Plain periodic lines on {@code err} with the given clock; for tests. */
  static Progress plain(String label, PrintWriter err, LongSupplier nanoTime, LongSupplier problems) {
    return new Progress(err, label, null, true, nanoTime, problems);
  }

  /** One more document done. */
  void step() {
    count++;
    if (bar != null) {
      bar.step();
    } else if (plain && (count & 63) == 0) {
      long now = nanoTime.getAsLong();
      if (now - lastLine >= PLAIN_INTERVAL_SECONDS * 1_000_000_000L) {
        lastLine = now;
        double seconds = (now - start) / 1e9;
        err.printf(Locale.ROOT, "%s: %,d documents, %,d problems, %.0f s, %,.0f documents/s%n", label, count,
            problems.getAsLong(), seconds, count / seconds);
        err.flush();
      }
    }
  }

  /** Clears the progress bar's line so a message can be printed on stderr. */
  void clearLine() {
    if (bar != null) {
      System.err.print("\r\033[K");
      System.err.flush();
    }
  }

  /** Seconds since the start. */
  double elapsedSeconds() {
    return (nanoTime.getAsLong() - start) / 1e9;
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }

  /** True when stderr is a terminal (Linux: /proc/self/fd/2 points to a tty) and TERM is not "dumb". */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return System.console() != null;
    }
  }
}
