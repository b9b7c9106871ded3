package io.storyline.extract;

import io.storyline.internal.Agencies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads byline, dateline, agency and dates from labelled units.
 *
 * <p>Evidence and precedence.
 * <ul>
 *   <li>Dateline: the first or second body paragraph starting "PLACE[, Region][, Mon DD[, YYYY]] [(Agency)] -" where
 *       the place is written in capitals or an agency is credited ("SOCHI, Russia, Nov 26 (Reuters) - ",
 *       "WASHINGTON (AP) — ", "Berlin (dpa) - "). The prefix is kept in the body (it is the wire's own text and
 *       the form most outlets print), and read into {@code dateline}, {@code agency} and the date.
 *   <li>Agency: dateline, then byline ("By Emma Hibbs, PA News"), then PA wire layout, then credit lines ("(AP)",
 *       "jbh/rc (AP, dpa, Reuters)", "© Thomson Reuters"), then the Reuters credit style "(Reporting by ...;
 *       editing by ...)". Photo credits are not evidence: a Reuters story often carries AP or Getty pictures.
 *   <li>Year of a dateline date: a full date elsewhere in the text with the same month and day (the lead photo's
 *       caption "November 26, 2014"); else the reference time (the document's own published time, at or after
 *       publication) giving the latest such day not after it; else the year that puts it nearest to the dates in
 *       the text. No context, no date.
 *   <li>Published: a "Published/Posted" stamp, else the dateline date, else the wire slug. "Last update" stamps
 *       and caption dates are kept apart ({@link TextMetadata#updated()}, {@link TextMetadata#pictured()}) for
 *       the caller to use only when nothing better exists.
 * </ul>
 */
final class MetadataFinder {

  static final Pattern DATELINE = Pattern.compile(
      "^(?<first>\\p{Lu}[\\p{L}\\p{M}.'\u2019\\- ]{1,30}?)(?<rest>(?:,\\s*\\p{Lu}[\\p{L}\\p{M}.'\u2019\\- ]{0,30}?){0,2}?)"
          + "(?:,\\s*(?<md>(?i:" + DateFinder.MONTH + ")\\.?\\s+\\d{1,2})(?:,\\s*(?<year>\\d{4}))?)?"
          + "\\s*(?:\\((?<agency>[^()]{2,40})\\))?\\s*(?:-{1,3}|\u2013|\u2014|:)\\s+\\S");
  private static final Pattern REUTERS_CREDIT = Pattern.compile(
      "\\s*\\((?:[^()]*;\\s*)?(?:additional\\s+)?(?:reporting|writing|editing|edited|compiled)\\s+by\\b[^()]*\\)\\s*$",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UPDATED = Pattern.compile(
      "^(?:last\\s+updated?|updated?|modified|aktualisiert|mis \u00e0 jour|actualizado)\\b",
      Pattern.CASE_INSENSITIVE);

  /** A parsed dateline. */
  record Dateline(String place, MonthDay monthDay, Integer year, String agency, String credited) {}

  private MetadataFinder() {}

  /** The dateline at the start of {@code paragraph}, or {@code null}. */
  static Dateline dateline(String paragraph) {
    String head = paragraph.length() > 160 ? paragraph.substring(0, 160) : paragraph;
    Matcher m = DATELINE.matcher(head);
    if (!m.find()) {
      return null;
    }
    String first = m.group("first").strip();
    String credited = m.group("agency");
    String agency = Agencies.canonicalCredit(credited);
    boolean capitals = first.replaceAll("[^\\p{L}]", "").length() >= 2 && first.equals(first.toUpperCase());
    if (!capitals && agency == null) {
      return null;
    }
    String place = (first + m.group("rest")).strip();
    MonthDay md = m.group("md") == null ? null : DateFinder.monthDay(m.group("md"));
    Integer year = m.group("year") == null ? null : Integer.valueOf(m.group("year"));
    return new Dateline(place, md, year, agency, credited);
  }

  /** The text without a trailing Reuters-style "(Reporting by ...)" credit, or {@code null} when there is none. */
  static String withoutCredit(String text) {
    if (!text.stripTrailing().endsWith(")")) {
      return null;
    }
    Matcher m = REUTERS_CREDIT.matcher(text);
    return m.find() ? text.substring(0, m.start()).stripTrailing() : null;
  }

  /**
   * Metadata of labelled blocks.
   *
   * @param wire          the PA layout, or {@code null}
   * @param reutersCredit whether a Reuters-style reporting credit was found
   * @param reference     a time at or after publication (the document's own published time), or {@code null}
   */
  static TextMetadata find(List<Block> blocks, WireCopy.Parsed wire, boolean reutersCredit, Instant reference) {
    String byline = null;
    Dateline dl = null;
    String creditAgency = null;
    Instant stamped = null;
    Instant updated = null;
    Instant pictured = null;
    boolean bodySeen = false;
    int bodyParagraphs = 0;
    for (Block b : blocks) {
      if (b.chrome == Chrome.BYLINE && byline == null) {
        // One convention for every input: the credited names, without "By" (as HTML bylines are cleaned).
        String cleaned = HtmlMetadata.cleanByline(b.text);
        byline = cleaned != null ? cleaned : b.text;
      } else if (b.chrome == Chrome.TIMESTAMP) {
        List<DateFinder.Found> found = DateFinder.find(b.text);
        if (!found.isEmpty()) {
          if (UPDATED.matcher(b.text).find()) {
            updated = updated == null ? found.get(0).instant() : updated;
          } else if (stamped == null) {
            stamped = found.get(0).instant();
          }
        }
      } else if (b.chrome == Chrome.CREDIT && creditAgency == null) {
        creditAgency = creditAgency(b.text);
      } else if ((b.chrome == Chrome.CAPTION || b.chrome == Chrome.GALLERY) && !bodySeen && pictured == null) {
        List<DateFinder.Found> found = DateFinder.find(b.text);
        pictured = found.isEmpty() ? null : found.get(0).instant();
      } else if (b.isContent() && !b.headingLike) {
        bodySeen = true;
        if (dl == null && bodyParagraphs < 2) {
          dl = dateline(b.text);
        }
        bodyParagraphs++;
      }
    }
    String agency = null;
    Instant datelineDate = null;
    if (dl != null) {
      agency = dl.agency();
      // the dates in the text only serve to give a dateline's month and day a year: read them only then
      datelineDate = dl.monthDay() == null || dl.year() != null ? datelineDate(dl, List.of(), reference)
          : datelineDate(dl, contextDates(blocks), reference);
    }
    if (agency == null && byline != null) {
      agency = Agencies.firstMention(byline);
    }
    if (agency == null && wire != null && wire.catchline() != null) {
      agency = "PA";
    }
    if (agency == null) {
      agency = creditAgency;
    }
    if (agency == null && reutersCredit) {
      agency = "Reuters";
    }
    Instant published = stamped != null ? stamped : datelineDate != null ? datelineDate
        : wire != null ? wire.filed() : null;
    return new TextMetadata(byline, dl == null ? null : dl.place(), agency, published, updated, pictured);
  }

  /** Full dates written in the first 400 units (first 2,000 characters of each), in order. */
  private static List<LocalDate> contextDates(List<Block> blocks) {
    List<LocalDate> context = new ArrayList<>();
    for (int i = 0; i < Math.min(400, blocks.size()); i++) {
      String text = blocks.get(i).text;
      for (DateFinder.Found f : DateFinder.find(text.length() > 2000 ? text.substring(0, 2000) : text)) {
        context.add(f.date());
      }
    }
    return context;
  }

  private static String creditAgency(String text) {
    Matcher m = ChromeRules.AGENCY_CREDIT.matcher(text);
    if (m.matches() && m.group(1) != null) {
      return Agencies.firstMention(m.group(1));
    }
    return Agencies.firstMention(text);
  }

  static Instant datelineDate(Dateline dl, List<LocalDate> context, Instant reference) {
    MonthDay md = dl.monthDay();
    if (md == null) {
      return null;
    }
    LocalDate date;
    if (dl.year() != null) {
      date = md.isValidYear(dl.year()) ? md.atYear(dl.year()) : null;
    } else {
      date = resolveYear(md, context, reference);
    }
    return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  static LocalDate resolveYear(MonthDay md, List<LocalDate> context, Instant reference) {
    for (LocalDate d : context) {
      if (MonthDay.from(d).equals(md)) {
        return d;
      }
    }
    if (reference != null) {
      LocalDate ref = reference.atOffset(ZoneOffset.UTC).toLocalDate();
      LocalDate candidate = md.atYear(ref.getYear());
      return candidate.isAfter(ref.plusDays(2)) ? md.atYear(ref.getYear() - 1) : candidate;
    }
    if (context.isEmpty()) {
      return null;
    }
    LocalDate latest = context.stream().max(LocalDate::compareTo).orElseThrow();
    LocalDate best = null;
    for (int y = latest.getYear() - 1; y <= latest.getYear() + 1; y++) {
      if (!md.isValidYear(y)) {
        continue;
      }
      LocalDate c = md.atYear(y);
      if (best == null || Math.abs(ChronoUnit.DAYS.between(c, latest))
          < Math.abs(ChronoUnit.DAYS.between(best, latest))) {
        best = c;
      }
    }
    return best;
  }
}
