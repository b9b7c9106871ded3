package io.storyline.eval;

import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.ingest.DocumentReader;
import io.storyline.ingest.Ingest;
import io.storyline.ingest.RawDocument;
import io.storyline.stories.StoryInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Story-clustering benchmarks with gold stories, read from the shared data.
 *
 * <ul>
 *   <li>METER 1999 (a folder holding {@code PA/rawtexts} and {@code newspapers/rawtexts}): every PA and newspaper
 *       text; gold story = {@code <domain>/<date>/<catchline>} from the path. Dates, as a real system would have
 *       them: a PA text carries its own wire timestamp in its header ({@code 18:26 07/10/99}, UK time), used when
 *       present (the path date at noon otherwise); newspaper texts carry none, and three in four say "yesterday"
 *       of the PA event, so they get the next morning (path date + 1 day, 06:00 UK time), the issue date a crawler
 *       would stamp.
 *   <li>UCI News Aggregator headlines (a {@code .csv} with {@code ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,
 *       TIMESTAMP}): headline-only articles; gold = {@code STORY}; time = {@code TIMESTAMP} (ms).
 * </ul>
 * Texts go through the real {@link Extractor}, as in the {@code stories} command.
 */
public final class StoriesCorpus {
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final Pattern PA_STAMP = Pattern.compile("(\\d{2}):(\\d{2}) (\\d{2})/(\\d{2})/(\\d{2})");
  /** {@code dd.mm.yy}, two-digit years read as 1950–2049 (the corpus is from 1999). */
  private static final DateTimeFormatter PATH_DATE = new DateTimeFormatterBuilder().appendPattern("dd.MM.")
      .appendValueReduced(ChronoField.YEAR, 2, 2, 1950).toFormatter();

  /** A document with its gold story. */
  public record Labeled(StoryInput input, String gold) {}

  private StoriesCorpus() {}

  /** Loads METER (a folder) or the UCI headlines (a .csv file). */
  public static List<Labeled> load(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return meter(path);
    }
    if (Files.isRegularFile(path) && path.toString().endsWith(".csv")) {
      return headlines(path);
    }
    throw new IOException(path + " is neither the METER folder (with PA/rawtexts and newspapers/rawtexts) nor a "
        + "UCI headlines .csv; give e.g. ../shared/data/meter-1999 or ../shared/data/uci-news-headlines/dev.csv");
  }

  static List<Labeled> meter(Path root) throws IOException {
    Path pa = root.resolve("PA/rawtexts");
    Path papers = root.resolve("newspapers/rawtexts");
    if (!Files.isDirectory(pa) || !Files.isDirectory(papers)) {
      throw new IOException(root + " has no PA/rawtexts and newspapers/rawtexts folders: is it the METER corpus?");
    }
    Extractor extractor = Extractor.create();
    List<Labeled> out = new ArrayList<>();
    for (Path base : List.of(pa, papers)) {
      boolean wire = base == pa;
      try (DocumentReader reader = Ingest.create().open(base)) {
        for (Optional<RawDocument> next; (next = reader.next()).isPresent(); ) {
          RawDocument raw = next.get();
          Path rel = Path.of(raw.id());
          String name = rel.getFileName().toString();
          if (rel.getNameCount() != 4 || name.equals("readme.txt")) {
            continue; // not <domain>/<date>/<catchline>/<file>, or the corpus's own notes
          }
          String gold = rel.getName(0) + "/" + rel.getName(1) + "/" + rel.getName(2);
          LocalDate day = LocalDate.parse(rel.getName(1).toString(), PATH_DATE);
          String outlet = wire ? "PA" : name.substring(name.lastIndexOf('_') + 1, name.length() - 4);
          Instant published = wire ? paStamp(raw.content(), day)
              : day.plusDays(1).atTime(6, 0).atZone(UK).toInstant();
          RawDocument dated = new RawDocument((wire ? "PA/" : "newspapers/") + raw.id(), raw.location(), raw.kind(),
              raw.charset(), raw.content(), raw.url(), raw.title(), published, outlet);
          out.add(new Labeled(new StoryInput(extractor.extract(dated), null), gold));
        }
      }
    }
    return out;
  }

  private static Instant paStamp(String content, LocalDate pathDay) {
    Matcher m = PA_STAMP.matcher(content.substring(0, Math.min(600, content.length())));
    if (m.find()) {
      int year = 1900 + Integer.parseInt(m.group(5));
      year = year < 1970 ? year + 100 : year;
      try {
        return LocalDateTime.of(year, Integer.parseInt(m.group(4)), Integer.parseInt(m.group(3)),
            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).atZone(UK).toInstant();
      } catch (java.time.DateTimeException e) {
        // an impossible stamp: fall back to the path date
      }
    }
    return pathDay.atTime(12, 0).atZone(UK).toInstant();
  }

  static List<Labeled> headlines(Path csv) throws IOException {
    List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
    if (rows.isEmpty()) {
      throw new IOException(csv + " is empty");
    }
    List<String> header = rows.get(0);
    int id = column(header, "ID", csv);
    int title = column(header, "TITLE", csv);
    int url = column(header, "URL", csv);
    int publisher = column(header, "PUBLISHER", csv);
    int story = column(header, "STORY", csv);
    int ts = column(header, "TIMESTAMP", csv);
    List<Labeled> out = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.size() < header.size()) {
        continue; // a short (broken) row: skip it
      }
      Instant published;
      try {
        published = Instant.ofEpochMilli(Long.parseLong(row.get(ts).strip()));
      } catch (NumberFormatException e) {
        published = null; // undated: the clusterer falls back and says so
      }
      Article a = new Article(row.get(id), row.get(url), row.get(title), "", null, published, row.get(publisher),
          null, null, "en", Article.Status.EMPTY, Map.of());
      out.add(new Labeled(new StoryInput(a, null), row.get(story)));
    }
    return out;
  }

  private static int column(List<String> header, String name, Path csv) throws IOException {
    int i = header.indexOf(name);
    if (i < 0) {
      throw new IOException(csv + " has no " + name + " column (header: " + header + ")");
    }
    return i;
  }
}
