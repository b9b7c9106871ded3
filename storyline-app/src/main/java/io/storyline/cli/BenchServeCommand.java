package io.storyline.cli;

import io.storyline.ingest.RawDocument;
import io.storyline.server.Server;
import io.storyline.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storyline bench serve}: N concurrent clients against the HTTP service on loopback for a fixed time, with a
 * mix of reads and durable writes; prints throughput, latency percentiles per endpoint and status counts. By
 * default it starts its own server on a fresh temporary store preloaded with generated articles; {@code --url}
 * targets a running one instead (loopback only).
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Load test of the HTTP service on loopback: throughput, p50/p99 latency, status counts.")
final class BenchServeCommand implements Callable<Integer> {
  /** Fixed so that runs generate the same articles and request sequence and compare across machines. */
  static final long SEED = 20160517L;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
  int clients;

  @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class,
      description = "How long to measure, e.g. 60s, 2m (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "5s", converter = DurationConverter.class,
      description = "Load before measuring, not counted (default ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--write-percent", defaultValue = "10",
      description = "Share of requests that POST a new article, 0-100 (default ${DEFAULT-VALUE}).")
  int writePercent;

  @Option(names = "--preload", defaultValue = "2000",
      description = "Generated articles stored before the run (own server only; default ${DEFAULT-VALUE}).")
  int preload;

  @Option(names = "--url", paramLabel = "URL",
      description = "Load a running server at this loopback URL instead of starting one.")
  URI url;

  @Override
  public Integer call() throws Exception {
    if (clients < 1 || writePercent < 0 || writePercent > 100 || preload < 0 || duration.isZero()
        || duration.isNegative() || warmup.isNegative()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "need --clients >= 1, --write-percent 0-100, "
          + "--preload >= 0 and a positive --duration; got " + clients + ", " + writePercent + ", " + preload + ", "
          + duration);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "storyline bench serve: %d cores, Java %s, max heap %d MB, load average %.1f%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (url != null) {
      requireLoopback(url);
      return report(out, new ServeLoad(url, clients, writePercent, SEED).run(warmup, duration));
    }
    Path dir = Files.createTempDirectory("storyline-bench-serve-");
    try (Store store = Store.open(dir.resolve("store"))) {
      long t0 = System.nanoTime();
      List<RawDocument> batch = new ArrayList<>();
      for (int i = 0; i < preload; i++) {
        batch.add(ServeLoad.document("preload-" + i, i, SEED));
        if (batch.size() == StoreIngest.BATCH || i == preload - 1) {
          store.add(batch);
          batch.clear();
        }
      }
      out.printf(Locale.ROOT, "preloaded %,d generated articles in %.1f s into a new store in %s%n", preload,
          (System.nanoTime() - t0) / 1e9, dir);
      try (Server server = Server.builder().store(store).port(0).build().start()) {
        out.printf("server (same JVM) at %s; %d clients, %d%% writes, %s warm-up, %s measured%n", server.url(),
            clients, writePercent, warmup, duration);
        out.flush();
        return report(out, new ServeLoad(server.url(), clients, writePercent, SEED).run(warmup, duration));
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static int report(PrintWriter out, ServeLoad.Result r) {
    out.print(r.format());
    out.flush();
    return r.serverErrors() == 0 && r.transportErrors() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private void requireLoopback(URI target) throws IOException {
    String host = target.getHost();
    if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--url must point to this machine's loopback (127.0.0.1, localhost, [::1]), got " + target);
    }
  }

  /** Parses 60s, 2m, 500ms, 1h, or a bare number of seconds. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
          return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
          return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("h")) {
          return Duration.ofHours(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("expected a duration such as 60s, 2m or 500ms, got '"
            + value + "'");
      }
    }
  }
}
