package io.storyline.eval;

import io.storyline.copies.CopyDetector;
import io.storyline.copies.CopyDocument;
import io.storyline.copies.CopyIndex;
import io.storyline.copies.CopyMatch;
import io.storyline.copies.Relation;
import io.storyline.fingerprint.Fingerprint;
import io.storyline.fingerprint.Fingerprinter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The copy-detection benchmark behind {@code storyline bench copies}: generates a {@link CopiesSyntheticCorpus}
 * into a file, indexes it end to end (fingerprint, candidates, verification, insertion, texts to a file) with
 * {@code threads} threads, then measures query latency, heap per document, pair recall and precision against
 * exact Jaccard on a sample, and SimHash against MinHash on the same pairs. Not a unit test: numbers depend on the
 * machine and its load.
 */
public final class CopiesBenchmark {
  /**
   * Fixed seed: the same corpus on every run, so runs differ only by the code and the machine.
   */
  public static final long SEED = 20141126L;
  private final CopyDetector detector;
  private final int documents;
  private final int threads;
  private final Path dir;
  private final Consumer<String> progress;

  public CopiesBenchmark(CopyDetector detector, int documents, int threads, Path dir, Consumer<String> progress) {
    if (documents < 100) {
      throw new IllegalArgumentException("documents must be at least 100, got " + documents);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.detector = detector;
    this.documents = documents;
    this.threads = threads;
    this.dir = dir;
    this.progress = progress;
  }

  public CopiesBenchReport run() throws IOException, InterruptedException {
    Path corpusFile = Files.createTempFile(dir, "copies-bench-corpus", ".bin");
    Path textFile = Files.createTempFile(dir, "copies-bench-texts", ".bin");
    try {
      progress.accept("generating " + documents + " documents");
      Corpus corpus = generate(corpusFile);
      long heapBefore = usedHeapAfterGc();
      try (CopyIndex index = detector.newIndex(textFile)) {
        progress.accept("indexing");
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        byte[] found = index(index, corpus, corpusFile);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        long heapAfter = usedHeapAfterGc();
        CopyIndex.Stats stats = index.stats();
        progress.accept("queries");
        double[] latency = queries(index, corpus, corpusFile);
        progress.accept("pairs");
        CopiesBenchReport.Pairs pairs = pairs(index, corpus, corpusFile);
        long bytesPerDoc = (heapAfter - heapBefore - stats.cacheBytes() - stats.textStoreBytes()) / documents;
        return new CopiesBenchReport(documents, threads, Runtime.getRuntime().availableProcessors(), seconds,
            cpuSeconds, corpus.bytes, latency[0], latency[1], latency[2], latency[3], latency[4], bytesPerDoc,
            stats.indexBytes() / documents, stats, pairs, sourceRecall(corpus, found));
      }
    } finally {
      Files.deleteIfExists(corpusFile);
      Files.deleteIfExists(textFile);
    }
  }

  /** What the benchmark keeps of the corpus: how each document was made, and where its text is in the file. */
  private static final class Corpus {
    byte[] kind;
    int[] source;
    byte[] paragraphs;
    long[] offset;
    long bytes;
  }

  private Corpus generate(Path file) throws IOException {
    CopiesSyntheticCorpus gen = new CopiesSyntheticCorpus(SEED);
    Corpus c = new Corpus();
    c.kind = new byte[documents];
    c.source = new int[documents];
    c.paragraphs = new byte[documents];
    c.offset = new long[documents];
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      long pos = 0;
      for (int i = 0; i < documents; i++) {
        CopiesSyntheticCorpus.Doc d = gen.next();
        byte[] b = d.text().getBytes(StandardCharsets.UTF_8);
        c.kind[i] = (byte) d.kind().ordinal();
        c.source[i] = d.source();
        c.paragraphs[i] = (byte) d.paragraphs();
        c.offset[i] = pos;
        out.writeInt(b.length);
        out.write(b);
        pos += 4 + b.length;
      }
      c.bytes = pos;
    }
    return c;
  }

  /**
   * Indexes the corpus; returns for each copy whether {@code add} found its original, or another copy of it,
   * among the sources of a relation other than unique (1), or not (0).
   */
  private byte[] index(CopyIndex index, Corpus corpus, Path corpusFile) throws IOException, InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger done = new AtomicInteger();
    byte[] found = new byte[documents];
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(corpusFile), 1 << 16))) {
      List<Future<?>> pending = new ArrayList<>();
      int batch = 256;
      for (int start = 0; start < documents; start += batch) {
        List<String> texts = new ArrayList<>(batch);
        for (int i = start; i < Math.min(documents, start + batch); i++) {
          byte[] b = new byte[in.readInt()];
          in.readFully(b);
          texts.add(new String(b, StandardCharsets.UTF_8));
        }
        int first = start;
        pending.add(pool.submit(() -> {
          for (int i = 0; i < texts.size(); i++) {
            int d = first + i;
            CopyMatch m = index.add(new CopyDocument("d" + d, texts.get(i), null, null, null));
            int original = corpus.source[d];
            if (original >= 0 && m.relation() != Relation.UNIQUE && m.sources().stream().mapToInt(
                s -> Integer.parseInt(s.id().substring(1))).anyMatch(s -> s == original || corpus.source[s] == original)) {
              found[d] = 1;
            }
          }
          int n = done.addAndGet(texts.size());
          if (n % 100_000 < texts.size()) {
            progress.accept(n + " indexed");
          }
        }));
        if (pending.size() >= threads * 4) {
          wait(pending.remove(0));
        }
      }
      for (Future<?> f : pending) {
        wait(f);
      }
    } finally {
      pool.shutdown();
    }
    return found;
  }

  /**
   * Share of the copies of each kind whose original was found when they were added: exact, near, cut, partial
   * taking 2, 3 and 4 paragraphs (see {@link CopiesBenchReport#sourceRecall}).
   */
  private double[] sourceRecall(Corpus corpus, byte[] found) {
    long[] all = new long[6];
    long[] hit = new long[6];
    for (int d = 0; d < documents; d++) {
      if (corpus.source[d] < 0) {
        continue;
      }
      CopiesSyntheticCorpus.Kind k = CopiesSyntheticCorpus.Kind.values()[corpus.kind[d]];
      int row = k == CopiesSyntheticCorpus.Kind.PARTIAL ? 1 + Math.min(4, Math.max(2, corpus.paragraphs[d]))
          : k.ordinal() - 1;
      all[row]++;
      hit[row] += found[d];
    }
    double[] out = new double[6];
    for (int i = 0; i < 6; i++) {
      out[i] = all[i] == 0 ? Double.NaN : (double) hit[i] / all[i];
    }
    return out;
  }

  /**
   * Query latency in ms {p50, p99, max, thread CPU p99, GC during the queries} over 10,000 queries: half near
   * copies of indexed texts, half new.
   */
  private double[] queries(CopyIndex index, Corpus corpus, Path corpusFile) throws IOException {
    CopiesSyntheticCorpus fresh = new CopiesSyntheticCorpus(SEED + 1);
    Random rnd = new Random(SEED);
    int n = 10_000;
    long[] nanos = new long[n];
    long[] cpu = new long[n];
    java.lang.management.ThreadMXBean threadBean = ManagementFactory.getThreadMXBean();
    long gc0 = gcMillis();
    try (RandomAccessFile raf = new RandomAccessFile(corpusFile.toFile(), "r")) {
      for (int q = 0; q < n; q++) {
        String text;
        if (q % 2 == 0) {
          String t = read(raf, corpus.offset[rnd.nextInt(documents)]);
          text = t.replace(" the", " thee").replace("ka", "ko");
        } else {
          text = fresh.next().text();
        }
        long c0 = threadBean.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        index.query(new CopyDocument("q" + q, text, null, null, null));
        nanos[q] = System.nanoTime() - t0;
        cpu[q] = threadBean.getCurrentThreadCpuTime() - c0;
      }
    }
    double gc = gcMillis() - gc0;
    Arrays.sort(nanos);
    Arrays.sort(cpu);
    return new double[] {nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, nanos[n - 1] / 1e6,
        cpu[(int) (n * 0.99)] / 1e6, gc};
  }

  /** Milliseconds the collectors have spent in collections so far. */
  private static long gcMillis() {
    long ms = 0;
    for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, b.getCollectionTime());
    }
    return ms;
  }

  private CopiesBenchReport.Pairs pairs(CopyIndex index, Corpus corpus, Path corpusFile) throws IOException {
    Random rnd = new Random(SEED + 2);
    Fingerprinter fp = detector.fingerprinter();
    Fingerprinter fp128 = Fingerprinter.builder().minHashSize(128).build();
    List<double[]> rows = new ArrayList<>(); // exact J, linked, generated copy, minhash32, minhash128, simhash
    int[] group = new int[documents];
    boolean[] copy = new boolean[documents];
    index.results().forEach(r -> {
      int d = Integer.parseInt(r.id().substring(1));
      group[d] = r.group();
      copy[d] = r.relation() != Relation.UNIQUE && r.relation() != Relation.PARTIAL;
    });
    try (RandomAccessFile raf = new RandomAccessFile(corpusFile.toFile(), "r")) {
      int copies = 0;
      int randoms = 0;
      while (copies < 2000 || randoms < 2000) {
        int a = rnd.nextInt(documents);
        int b;
        boolean generated;
        if (copies < 2000 && corpus.source[a] >= 0) {
          b = corpus.source[a];
          generated = corpus.kind[a] != CopiesSyntheticCorpus.Kind.PARTIAL.ordinal();
          copies++;
        } else if (randoms < 2000) {
          b = rnd.nextInt(documents);
          if (b == a || corpus.source[a] == b || corpus.source[b] == a
              || corpus.source[a] >= 0 && corpus.source[a] == corpus.source[b]) {
            continue;
          }
          generated = false;
          randoms++;
        } else {
          continue;
        }
        String ta = read(raf, corpus.offset[a]);
        String tb = read(raf, corpus.offset[b]);
        long[] sa = fp.shingles(fp.tokenize(ta));
        long[] sb = fp.shingles(fp.tokenize(tb));
        double j = jaccard(sa, sb);
        boolean linked = group[a] == group[b] && copy[a] && copy[b];
        Fingerprint fa = fp.fingerprint(fp.tokenize(ta), sa);
        Fingerprint fb = fp.fingerprint(fp.tokenize(tb), sb);
        Fingerprint ga = fp128.fingerprint(ta);
        Fingerprint gb = fp128.fingerprint(tb);
        int sim = Fingerprinter.simHashDistance(fp.simHash(sa), fp.simHash(sb));
        rows.add(new double[] {j, linked ? 1 : 0, generated ? 1 : 0, fa.estimatedJaccard(fb),
            ga.estimatedJaccard(gb), sim});
      }
      long[] timing = signatureTiming(raf, corpus, fp);
      return CopiesBenchReport.Pairs.of(rows, timing[0] / 1e3, timing[1] / 1e3);
    }
  }

  /** Mean nanoseconds per document {MinHash-32 signature, SimHash} over 2,000 texts (shingling excluded). */
  private long[] signatureTiming(RandomAccessFile raf, Corpus corpus, Fingerprinter fp) throws IOException {
    List<long[]> shingles = new ArrayList<>();
    List<io.storyline.fingerprint.Tokens> tokens = new ArrayList<>();
    for (int i = 0; i < Math.min(2000, documents); i++) {
      tokens.add(fp.tokenize(read(raf, corpus.offset[i])));
      shingles.add(fp.shingles(tokens.get(i)));
    }
    long sink = 0;
    long[] best = {Long.MAX_VALUE, Long.MAX_VALUE};
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < shingles.size(); i++) {
        sink += fp.fingerprint(tokens.get(i), shingles.get(i)).shingleCount();
      }
      long t1 = System.nanoTime();
      for (long[] s : shingles) {
        sink += fp.simHash(s);
      }
      long t2 = System.nanoTime();
      best[0] = Math.min(best[0], (t1 - t0) / shingles.size());
      best[1] = Math.min(best[1], (t2 - t1) / shingles.size());
    }
    if (sink == 42) {
      progress.accept(""); // keeps the loops from being optimised away
    }
    return best;
  }

  private static String read(RandomAccessFile raf, long offset) throws IOException {
    raf.seek(offset);
    byte[] b = new byte[raf.readInt()];
    raf.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  static double jaccard(long[] a, long[] b) {
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        common++;
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    int union = a.length + b.length - common;
    return union == 0 ? 0 : (double) common / union;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return 0;
  }

  private static void wait(Future<?> f) throws InterruptedException {
    try {
      f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("indexing failed: " + e.getCause(), e.getCause());
    }
  }
}
