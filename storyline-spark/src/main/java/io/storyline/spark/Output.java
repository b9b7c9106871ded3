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
 * The job's output folder: {@code articles/} (JSON lines, one per document, the fields of {@code storyline extract}
 * plus {@code group}, {@code relation}, {@code story}, {@code topic}), {@code parquet/} (the same columns),
 * {@code problems/} (JSON lines: {@code location}, {@code reason}, {@code cause}) and {@code summary.json}. Part
 * files are in input order: part 0 holds the first documents.
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
      .add("story", DataTypes.StringType)
      .add("topic", DataTypes.StringType);

  private Output() {}

  /** One JSON line; every field written, null when unknown, so the schema is stable (as {@code extract}). */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Line(String id, String title, String text, String byline, Instant published, String outlet, String agency,
      String dateline, String language, String url, String status, Map<String, Integer> removed, Long group,
      String relation, String story, String topic) {

    static Line of(DocumentResult r) {
      ArticleRecord a = r.article();
      return new Line(a.id(), a.title(), a.text(), a.byline(), a.published(), a.outlet(), a.agency(), a.dateline(),
          a.language(), a.url(), a.status().name().toLowerCase(Locale.ROOT), a.removedView(), r.group(),
          r.relation(), r.story(), r.topic());
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

  static Row row(DocumentResult r) {
    ArticleRecord a = r.article();
    scala.collection.immutable.Map<String, Integer> removed = scala.collection.immutable.Map$.MODULE$.from(
        scala.jdk.javaapi.CollectionConverters.asScala(a.removedView()));
    return RowFactory.create(a.id(), a.title(), a.text(), a.byline(),
        a.published() == null ? null : Timestamp.from(a.published()), a.outlet(), a.agency(), a.dateline(),
        a.language(), a.url(), a.status().name().toLowerCase(Locale.ROOT), removed, r.group(), r.relation(),
        r.story(), r.topic());
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
