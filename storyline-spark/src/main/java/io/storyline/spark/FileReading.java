package io.storyline.spark;

import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.extract.TemplateModel;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import io.storyline.ingest.ReadProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;

/**
 * Reads one listed file on an executor with the core reader ({@link Ingest#openFile}), so charsets, formats,
 * size limits and problems are exactly the CLI's. A file on the local file system is read in place; any other
 * (HDFS, S3) is first copied to the executor's temporary folder, because the WARC reader needs random access to
 * resume after a damaged record; the copy is deleted when the file is done (or the task ends).
 *
 * <p>Documents that need no template ({@code HTML}, headline-only, or any when templates are off) are extracted
 * right here, so the shuffle that follows carries articles (a few KB) rather than pages (tens of KB); text
 * documents go on as {@link DocumentRecord}s to be extracted with their source's template.
 */
final class FileReading implements FlatMapFunction<InputFile, Item> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<HadoopConf> conf;
  private final long maxFileSize;
  private final boolean templates;

  FileReading(Broadcast<HadoopConf> conf, long maxFileSize, boolean templates) {
    this.conf = conf;
    this.maxFileSize = maxFileSize;
    this.templates = templates;
  }

  @Override
  public Iterator<Item> call(InputFile file) {
    FileItems items = new FileItems(file);
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> items.close());
    }
    return items;
  }

  /** One extractor per executor JVM: it is thread-safe and its language model is loaded once. */
  static Extractor plainExtractor() {
    return PlainExtractor.INSTANCE;
  }

  private static final class PlainExtractor {
    static final Extractor INSTANCE = Extractor.create();
  }

  /** Extracts one document; a failure of the extractor becomes a problem instead of failing the task. */
  static Item extract(Extractor extractor, long order, RawDocument doc) {
    try {
      Article a = extractor.extract(doc);
      return ArticleRecord.of(order, doc.location(), a);
    } catch (RuntimeException e) {
      return new ProblemRecord(order, doc.location(), "extraction failed (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "); document skipped", ReadProblem.Cause.OTHER);
    }
  }

  /** The items of one file, read lazily. */
  private final class FileItems implements Iterator<Item> {
    private final InputFile file;
    private final ArrayDeque<Item> pending = new ArrayDeque<>();
    private final ArrayDeque<ReadProblem> problems = new ArrayDeque<>();
    private DocumentReader reader;
    private Path copy;
    private boolean opened;
    private boolean done;
    private long index;

    FileItems(InputFile file) {
      this.file = file;
    }

    @Override
    public boolean hasNext() {
      while (pending.isEmpty() && !done) {
        step();
      }
      return !pending.isEmpty();
    }

    @Override
    public Item next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return pending.poll();
    }

    private void step() {
      try {
        if (!opened) {
          opened = true;
          Ingest ingest = Ingest.builder().maxFileSize(maxFileSize).problems(problems::add).build();
          reader = ingest.openFile(localPath(), file.id(), file.location());
        }
        Optional<RawDocument> doc = reader.next();
        drainProblems();
        if (doc.isEmpty()) {
          close();
          return;
        }
        long order = Order.of(file.rank(), index++);
        RawDocument d = doc.get();
        if (templates && d.kind() == RawDocument.ContentKind.TEXT) {
          pending.add(DocumentRecord.of(order, TemplateModel.defaultGroup(d), d));
        } else {
          pending.add(extract(plainExtractor(), order, d));
        }
      } catch (IOException | UncheckedIOException e) {
        drainProblems();
        pending.add(new ProblemRecord(Order.of(file.rank(), index), file.location(), "cannot read: "
            + e.getMessage() + "; check that the file exists and is readable", ReadProblem.Cause.UNREADABLE));
        close();
      }
    }

    private void drainProblems() {
      for (ReadProblem p; (p = problems.poll()) != null; ) {
        pending.add(ProblemRecord.of(Order.of(file.rank(), index), p));
      }
    }

    /** The file on local disk: itself for {@code file:} paths, else a copy in the temporary folder. */
    private Path localPath() throws IOException {
      org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(file.uri());
      if ("file".equals(src.toUri().getScheme())) {
        return Path.of(src.toUri());
      }
      FileSystem fs = src.getFileSystem(conf.value().get());
      copy = Files.createTempDirectory("storyline-read-");
      Path local = copy.resolve(file.name());
      fs.copyToLocalFile(false, src, new org.apache.hadoop.fs.Path(local.toUri()), true);
      return local;
    }

    void close() {
      done = true;
      if (reader != null) {
        try {
          reader.close();
        } catch (IOException e) {
          // the file was read or reported; nothing is lost
        }
        reader = null;
      }
      if (copy != null) {
        try (Stream<Path> walk = Files.walk(copy)) {
          walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
          // a leftover in the temporary folder; the executor's cleanup removes it
        }
        copy = null;
      }
    }
  }
}
