package io.storyline.spark;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The job's output folder: {@code articles/} (JSON lines, one per document), {@code parquet/} (the same columns),
 * {@code problems/} (JSON lines: {@code location}, {@code reason}, {@code cause}) and {@code summary.json}. Part
 * files are in input order: part 0 holds the first documents.
 *
 * <p>A document's line has the fields of {@code storyline extract} ({@code id} ... {@code removed}), then those of
 * {@code storyline copies} ({@code group}, {@code relation}, {@code sources}, {@code origin}, {@code agency},
 * {@code reason}) and of {@code storyline stories} ({@code story}, {@code topic}, {@code published},
 * {@code date}, {@code dateNote}), null when the stage did not run. Two names are shared, and the later stage's
 * value is written, as its command writes it: {@code agency} is the copy stage's (the document's own credit, else
 * its outlet when that is an agency, else its copy group's), {@code published} the story stage's (the time the
 * document was placed at: its publication time when usable, else the previous document's, as {@code date} and
 * {@code dateNote} say).
 */
final class Output {
  static final String ARTICLES = "articles";
  static final String PARQUET = "parquet";
  static final String PROBLEMS = "problems";
  static final String SUMMARY = "summary.json";

  /** Same conventions as the CLI's JSON lines: fields in declaration order, Instants as ISO-8601. */
  static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .registerModule(new SimpleModule("storyline-time").addSerializer(Instant.class, ToStringSerializer.instance));

  /** The Parquet columns, in the order of the JSON fields. */
  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("title", DataTypes.StringType)
      .add("text", DataTypes.StringType, false)
      .add("byline", DataTypes.StringType)
      .add("published", DataTypes.TimestampType)
      .add("outlet", DataTypes.StringType)
      .add("agency", DataTypes.StringType)
      .add("dateline", DataTypes.StringType)
      .add("language", DataTypes.StringType)
      .add("url", DataTypes.StringType)
      .add("status", DataTypes.StringType, false)
      .add("removed", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType, false))
      .add("group", DataTypes.LongType)
      .add("relation", DataTypes.StringType)
      .add("sources", DataTypes.createArrayType(new StructType()
          .add("id", DataTypes.StringType, false)
          .add("containment", DataTypes.DoubleType, false)
          .add("resemblance", DataTypes.DoubleType, false), false))
      .add("origin", DataTypes.StringType)
      .add("reason", DataTypes.StringType)
      .add("story", DataTypes.StringType)
      .add("topic", DataTypes.StringType)
      .add("date", DataTypes.StringType)
      .add("dateNote", DataTypes.StringType);

  private Output() {}

  /** One JSON line; every field written, null when unknown, so the schema is stable (as {@code extract}). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Line(String id, String title, String text, String byline, Instant published, String outlet, String agency,
      String dateline, String language, String url, String status, Map<String, Integer> removed, Long group,
      String relation, List<Src> sources, String origin, String reason, String story, String topic, String date,
      String dateNote) {

    static Line of(DocumentResult r) {
      ArticleRecord a = r.article();
      CopyGroups.Labels c = r.copies();
      StoryBlocks.Labels s = r.stories();
      return new Line(a.id(), a.title(), a.text(), a.byline(), s == null ? a.published() : s.time(), a.outlet(),
          c == null ? a.agency() : c.agency(), a.dateline(), a.language(), a.url(),
          a.status().name().toLowerCase(Locale.ROOT), a.removedView(), c == null ? null : c.group(),
          c == null ? null : c.relation(), c == null ? null : c.sources().stream().map(Src::of).toList(),
          c == null ? null : c.origin(), c == null ? null : c.reason(), s == null ? null : s.story(),
          s == null ? null : s.topic(), s == null ? null : s.date(), s == null ? null : s.dateNote());
    }
  }

  /** A source in a line, shares rounded to 3 decimals as {@code storyline copies} writes them. */
  record Src(String id, double containment, double resemblance) {
    static Src of(CopyGroups.Share s) {
      return new Src(s.id(), round(s.containment()), round(s.resemblance()));
    }

    static double round(double v) {
      return Math.round(v * 1000) / 1000.0;
    }
  }

  /** One problem line. */
  record ProblemLine(String location, String reason, String cause) {}

  static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getName() + ": " + e.getMessage(), e);
    }
  }

  static void writeJsonLines(JavaRDD<DocumentResult> sorted, String dir) {
    sorted.map(r -> json(Line.of(r))).saveAsTextFile(dir);
  }

  static void writeProblems(JavaRDD<ProblemRecord> sorted, String dir) {
    sorted.map(p -> json(new ProblemLine(p.location(), p.reason(), p.cause().name().toLowerCase(Locale.ROOT))))
        .saveAsTextFile(dir);
  }

  static void writeParquet(SparkSession spark, JavaRDD<DocumentResult> sorted, String dir) {
    JavaRDD<Row> rows = sorted.map(Output::row);
    spark.createDataFrame(rows, SCHEMA).write().parquet(dir);
  }

  /** The Parquet row of a document: the values of its JSON line ({@link Line}), column for field. */
  static Row row(DocumentResult r) {
    Line l = Line.of(r);
    scala.collection.immutable.Map<String, Integer> removed = scala.collection.immutable.Map$.MODULE$.from(
        scala.jdk.javaapi.CollectionConverters.asScala(l.removed()));
    scala.collection.immutable.Seq<Row> sources = l.sources() == null ? null
        : scala.jdk.javaapi.CollectionConverters.asScala(l.sources().stream()
            .map(s -> RowFactory.create(s.id(), s.containment(), s.resemblance())).toList()).toList();
    return RowFactory.create(l.id(), l.title(), l.text(), l.byline(),
        l.published() == null ? null : Timestamp.from(l.published()), l.outlet(), l.agency(), l.dateline(),
        l.language(), l.url(), l.status(), removed, l.group(), l.relation(), sources, l.origin(), l.reason(),
        l.story(), l.topic(), l.date(), l.dateNote());
  }

  /** Writes a small driver-side file (the summary) through the Hadoop file system of {@code path}. */
  static void writeSmallFile(org.apache.hadoop.conf.Configuration conf, String path, String text) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(conf);
      try (FSDataOutputStream out = fs.create(p, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /** The file names a job writes, for messages. */
  static List<String> parts() {
    return List.of(ARTICLES, PARQUET, PROBLEMS, SUMMARY);
  }
}
