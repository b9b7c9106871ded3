package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.ingest.RawDocument;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** PA wire copy in its 1999 archive layout (fixtures written for these tests in the METER format). */
class WireCopyTest {

  private static final String RULE = "  " + "-".repeat(72) + "\n";
  private static final char MARK = '\u0019'; // PA's paragraph mark at the start of each continuation line

  private static Article extract(String content) {
    return Extractor.create().extract(new RawDocument("wire.txt", "fixtures/wire.txt",
        RawDocument.ContentKind.TEXT, "ISO-8859-1", content, null, null, null, null));
  }

  private static String take(String slug, String... lines) {
    StringBuilder b = new StringBuilder(RULE + "\n" + RULE + "\n" + "              " + slug + "\n" + RULE);
    for (int i = 0; i < lines.length; i++) {
      b.append(i == 0 ? "" : String.valueOf(MARK)).append(lines[i]).append('\n');
    }
    return b.toString();
  }

  @Test
  void normalisesAFirstTakeWithHeadlineBylineQuotesDashesAndPounds() {
    String content = take("23:19 27/01/00: Page 1 (HHH) SHOWBIZ Lantern",
        "LANTERN FESTIVAL LIGHTS UP THE QUAYSIDE<",
        "By Ann Example, PA News<",
        "Thousands of paper lanterns were floated down the river tonight as the city's",
        "winter festival opened.<",
        "The organisers said the event cost #40,000 _ twice last year's budget _ and",
        "drew visitors from across the region.<",
        "Festival director Jo Sample said: ``We never expected so many people.<",
        "``It was `magic', frankly.''<",
        "end<",
        "");
    Article a = extract(content);
    assertThat(a.title()).isEqualTo("LANTERN FESTIVAL LIGHTS UP THE QUAYSIDE");
    assertThat(a.byline()).isEqualTo("Ann Example, PA News");
    assertThat(a.agency()).isEqualTo("PA");
    assertThat(a.published()).isEqualTo(Instant.parse("2000-01-27T23:19:00Z")); // London is on GMT in January
    assertThat(a.paragraphs()).containsExactly(
        "Thousands of paper lanterns were floated down the river tonight as the city's winter festival opened.",
        "The organisers said the event cost £40,000 - twice last year's budget - and drew visitors from across "
            + "the region.",
        "Festival director Jo Sample said: \"We never expected so many people.",
        "\"It was 'magic', frankly.\"");
    assertThat(a.removed()).containsEntry("sign-off", 1).containsEntry("byline", 1);
  }

  @Test
  void slugTimeIsLondonTimeSoSummerTakesAreAnHourAheadOfUtc() {
    Article a = extract(take("03:16 10/08/99: Page 1 (HHH) COURTS Bridge",
        "BRIDGE REOPENS AFTER REPAIRS<", "The bridge reopened to traffic this morning after six weeks of repairs.<"));
    assertThat(a.published()).isEqualTo(Instant.parse("1999-08-10T02:16:00Z"));
  }

  @Test
  void continuationTakeWithoutHeadlineIsTitledByItsCatchlineAndLosesWireNotes() {
    String content = take("12:46 22/11/99: Page 3 (HHH) COURTS Bridge Substitute",
        "(reopens)<",
        "(with pic)<",
        "The engineer told the inquiry the cables had been inspected in the",
        "spring.<",
        "``Nothing suggested a fault,'' he said.<",
        "mfl",
        "");
    Article a = extract(content);
    assertThat(a.title()).isEqualTo("COURTS Bridge Substitute");
    assertThat(a.paragraphs()).containsExactly(
        "The engineer told the inquiry the cables had been inspected in the spring.",
        "\"Nothing suggested a fault,\" he said.");
    assertThat(a.removed()).containsEntry("wire-note", 2).containsEntry("sign-off", 1);
    assertThat(a.agency()).isEqualTo("PA");
  }

  @Test
  void embargoLineIsAWireNoteAndASignOffRunIntoTheLastParagraphIsCut() {
    Article a = extract(take("03:16 10/08/99: Page 1 (HHH) SHOWBIZ Soap",
        "Embargoed to 1000 Tuesday August 10<",
        "SOAP STARS RETURN FOR SEASIDE SPECIAL<",
        "Two favourite characters are to return in a seaside special, it was",
        "announced today.<",
        "A spokesman said filming would start next month. end<"));
    assertThat(a.title()).isEqualTo("SOAP STARS RETURN FOR SEASIDE SPECIAL");
    assertThat(a.paragraphs()).containsExactly(
        "Two favourite characters are to return in a seaside special, it was announced today.",
        "A spokesman said filming would start next month.");
    assertThat(a.removed()).containsEntry("wire-note", 1).containsEntry("sign-off", 1);
  }

  @Test
  void wireCopySavedInsideAnHtmlPageIsReadThroughTheMarkup() {
    String content = "\n<HTML><HEAD><TITLE>Search utility</TITLE></HEAD>\n<BODY BGCOLOR=#FFFFFF>\n<HR>\n<PRE>\n"
        + "<H1><P>02:59 12/07/99: Page 1 (HHH) COURTS Mill</P></H1></CENTER><HR>MILL FINED OVER ACCIDENT<\n"
        + "By Ann Example, PA News<\n"
        + "A family mill was fined today after admitting safety failures that led to an\n"
        + "accident.<\nend<\n\n</PRE>\n</HTML>";
    Article a = extract(content);
    assertThat(a.title()).isEqualTo("MILL FINED OVER ACCIDENT");
    assertThat(a.paragraphs()).containsExactly(
        "A family mill was fined today after admitting safety failures that led to an accident.");
    assertThat(a.published()).isEqualTo(Instant.parse("1999-07-12T01:59:00Z"));
  }

  @Test
  void windows1252PunctuationDecodedAsLatin1IsRepaired() {
    String content = "MEET the new presenter \u0097 a former weather girl \u0093with a sense of humour\u0094.\n";
    Article a = extract(content);
    assertThat(a.text()).isEqualTo("MEET the new presenter \u2014 a former weather girl \u201Cwith a sense of humour\u201D.");
  }
}
