package io.storyline.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A synthetic news stream for {@code storyline bench spark}, shaped like a year of a wire-fed news crawl: events
 * (one a story), each reported by a wire agency and then copied nearly whole by 0–4 outlets, taken in part by 0–1
 * and reported anew by 0–3, a little under five documents per event; 300 outlets, each with its own site chrome
 * (a navigation line, a newsletter appeal, a copyright line) so that template learning has work to do. Words come
 * from a Zipf-distributed pseudo-vocabulary of 30,000 words plus English function words; each event has its own
 * people, places, organisations and topic words, so stories share entities and terms. Written as JSON Lines
 * ({@code id, url, title, text, published, source}, and {@code event}, the number of the event reported: the gold
 * story, which readers ignore), gzip-compressed, files of consecutive documents in time order, as a crawl would
 * store them. About 1.6 KB of text a document. Deterministic for a seed.
 */
final class BenchCorpus {
  private static final String[] FUNCTION = ("the the the of of and and to to in a a said on for that with was is "
      + "by at from it as has have had will would not but after who which were its their this been more than "
      + "also about over new").split(" ");
  private static final String[] SYLLABLES = ("ka lo mi ne ru ta shi ven dor al bri cas del fen gor hal is jun kel "
      + "lam mor nor ost pel quin ras sol tor ul var wen yor zan ber cor dan el far gim har ith jor").split(" ");
  private static final String[] AGENCIES = {"Reuters", "AP", "AFP", "PA"};
  private static final int VOCABULARY = 30_000;
  private static final int OUTLETS = 300;

  private final Random random;
  private final String[] words = new String[VOCABULARY];
  private final double[] zipf = new double[VOCABULARY];
  private final String[] outlets = new String[OUTLETS];
  private long nextId;
  /** Events generated so far: the next event's number. */
  private long events;

  /** @param seed the corpus seed; the bench uses a constant so that every run reads the same documents */
  BenchCorpus(long seed) {
    this.random = new Random(seed);
    double sum = 0;
    for (int i = 0; i < VOCABULARY; i++) {
      words[i] = word(2 + random.nextInt(2));
      sum += 1.0 / (i + 1);
      zipf[i] = sum;
    }
    for (int i = 0; i < VOCABULARY; i++) {
      zipf[i] /= sum;
    }
    for (int i = 0; i < OUTLETS; i++) {
      outlets[i] = capital(word(2)) + " " + (i % 3 == 0 ? "Times" : i % 3 == 1 ? "Post" : "Herald");
    }
  }

  /** What was written. */
  record Written(long documents, long bytes, int files) {}

  /** Writes {@code documents} documents into {@code files} gzip'ed JSON Lines files under {@code dir}. */
  Written write(Path dir, long documents, int files) throws IOException {
    Files.createDirectories(dir);
    long perFile = (documents + files - 1) / files;
    long written = 0;
    long bytes = 0;
    int file = 0;
    long start = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    double eventsPerSecond = documents / 4.8 / (365 * 86400.0);
    long t = start;
    JsonFactory json = new JsonFactory();
    while (written < documents) {
      Path p = dir.resolve(String.format(Locale.ROOT, "news-%05d.jsonl.gz", file++));
      try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16));
           JsonGenerator g = json.createGenerator(out)) {
        long inFile = 0;
        while (inFile < perFile && written < documents) {
          t += (long) (-Math.log(1 - random.nextDouble()) / eventsPerSecond);
          for (Doc d : event(t)) {
            if (inFile >= perFile || written >= documents) {
              break;
            }
            g.writeStartObject();
            g.writeStringField("id", d.id);
            g.writeStringField("url", "https://" + d.source.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example/"
                + d.id);
            g.writeStringField("title", d.title);
            g.writeStringField("text", d.text);
            g.writeStringField("published", Instant.ofEpochSecond(d.time).toString());
            g.writeStringField("source", d.source);
            g.writeNumberField("event", d.event); // the gold story, for evaluation; readers ignore it
            g.writeEndObject();
            g.writeRaw('\n');
            inFile++;
            written++;
          }
        }
      }
      bytes += Files.size(p);
    }
    return new Written(written, bytes, file);
  }

  private record Doc(String id, String source, String title, String text, long time, long event) {}

  /** One event: the wire story, its near copies, partial takes and independent reports. */
  private List<Doc> event(long time) {
    long event = events++;
    String person = capital(word(2)) + " " + capital(word(3));
    String place = capital(word(3));
    String org = capital(word(2)) + " " + capital(word(2));
    String[] topic = new String[15];
    for (int i = 0; i < topic.length; i++) {
      topic[i] = common();
    }
    String agency = AGENCIES[random.nextInt(AGENCIES.length)];
    String title = capital(topic[0]) + " " + topic[1] + " " + place + " as " + person + " " + topic[2];
    List<String> wire = new ArrayList<>();
    wire.add(place + " (" + agency + ") - " + sentence(topic, person, place, org));
    int n = 8 + random.nextInt(8);
    for (int i = 1; i < n; i++) {
      wire.add(sentence(topic, person, place, org));
    }
    List<Doc> out = new ArrayList<>();
    out.add(doc(agency, title, wire, time, false, event));
    int copies = random.nextInt(5);
    for (int c = 0; c < copies; c++) {
      List<String> copy = new ArrayList<>(wire);
      for (int drop = random.nextInt(3); drop > 0 && copy.size() > 3; drop--) {
        copy.remove(copy.size() - 1 - random.nextInt(2));
      }
      out.add(doc(outlet(), title, copy, time + random.nextInt(12 * 3600), true, event));
    }
    if (random.nextInt(3) == 0) {
      List<String> part = new ArrayList<>(wire.subList(0, Math.min(4, wire.size())));
      for (int i = 0; i < 6; i++) {
        part.add(sentence(topic, person, place, org));
      }
      out.add(doc(outlet(), capital(topic[3]) + " " + topic[0] + " for " + person, part,
          time + random.nextInt(24 * 3600), true, event));
    }
    for (int r = random.nextInt(4); r > 0; r--) {
      List<String> own = new ArrayList<>();
      for (int i = 6 + random.nextInt(8); i > 0; i--) {
        own.add(sentence(topic, person, place, org));
      }
      out.add(doc(outlet(), person + " " + topic[random.nextInt(5)] + " " + org + " " + topic[random.nextInt(15)],
          own, time + random.nextInt(36 * 3600), true, event));
    }
    return out;
  }

  /** A flattened page: the outlet's navigation line, the paragraphs, its appeal and copyright lines. */
  private Doc doc(String source, String title, List<String> sentences, long time, boolean chrome, long event) {
    StringBuilder sb = new StringBuilder();
    if (chrome) {
      sb.append(source).append(" | Home | World | Business | Sport | Culture\n\n");
    }
    for (int i = 0; i < sentences.size(); i += 2) {
      sb.append(sentences.get(i));
      if (i + 1 < sentences.size()) {
        sb.append(' ').append(sentences.get(i + 1));
      }
      sb.append("\n\n");
    }
    if (chrome) {
      sb.append("Subscribe to the ").append(source).append(" newsletter for the day's top stories.\n\n");
      sb.append("\u00a9 2024 ").append(source).append(". All rights reserved.\n");
    }
    String id = source.toLowerCase(Locale.ROOT).replace(' ', '-') + "/" + (nextId++);
    return new Doc(id, source, title, sb.toString().strip(), time, event);
  }

  private String sentence(String[] topic, String person, String place, String org) {
    int n = 12 + random.nextInt(14);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int r = random.nextInt(20);
      String w = r < 7 ? FUNCTION[random.nextInt(FUNCTION.length)]
          : r < 11 ? topic[random.nextInt(topic.length)]
          : r == 11 && i > 0 ? (random.nextBoolean() ? person : random.nextBoolean() ? place : org)
          : common();
      sb.append(i == 0 ? capital(w) : " " + w);
    }
    return sb.append('.').toString();
  }

  private String common() {
    double u = random.nextDouble();
    int i = java.util.Arrays.binarySearch(zipf, u);
    return words[Math.min(VOCABULARY - 1, i >= 0 ? i : -i - 1)];
  }

  private String outlet() {
    return outlets[random.nextInt(OUTLETS)];
  }

  private String word(int syllables) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < syllables; i++) {
      sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    }
    return sb.toString();
  }

  private static String capital(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }
}
