package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.ingest.RawDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataFinderTest {

  private static final String BODY = "Officials said the talks would continue next week in the capital.";

  private static Article text(String content, Instant own) {
    return Extractor.create().extract(new RawDocument("doc.txt", "in/doc.txt", RawDocument.ContentKind.TEXT,
        "UTF-8", content, null, null, own, null));
  }

  @Test
  void readsWireDatelinesInTheirUsualForms() {
    assertThat(MetadataFinder.dateline("WASHINGTON (AP) \u2014 The Senate voted on Tuesday."))
        .extracting(MetadataFinder.Dateline::place, MetadataFinder.Dateline::agency)
        .containsExactly("WASHINGTON", "AP");
    assertThat(MetadataFinder.dateline("Berlin (dpa) - Die Regierung hat am Mittwoch beschlossen."))
        .extracting(MetadataFinder.Dateline::place, MetadataFinder.Dateline::agency)
        .containsExactly("Berlin", "DPA");
    MetadataFinder.Dateline afp = MetadataFinder.dateline("PARIS, Nov 26, 2014 (AFP) - France said on Wednesday.");
    assertThat(afp.place()).isEqualTo("PARIS");
    assertThat(afp.agency()).isEqualTo("AFP");
    assertThat(afp.monthDay()).isEqualTo(MonthDay.of(11, 26));
    assertThat(afp.year()).isEqualTo(2014);
    assertThat(MetadataFinder.dateline("LONDON, May 3 \u2014 Prices rose.").monthDay()).isEqualTo(MonthDay.of(5, 3));
  }

  @Test
  void ordinaryOpeningsAreNotDatelines() {
    assertThat(MetadataFinder.dateline("Russia, long one of the key backers of the government, said so.")).isNull();
    assertThat(MetadataFinder.dateline("TEARFUL dad Alan told yesterday how his 11-year-old son was hurt.")).isNull();
    assertThat(MetadataFinder.dateline("Lavrov said - in a rare aside - that talks would go on.")).isNull();
  }

  @Test
  void datelineYearComesFromAMatchingDateElsewhereThenFromTheDocumentsOwnTime() {
    List<LocalDate> context = List.of(LocalDate.of(2014, 11, 18), LocalDate.of(2014, 11, 26));
    assertThat(MetadataFinder.resolveYear(MonthDay.of(11, 26), context, null)).isEqualTo(LocalDate.of(2014, 11, 26));
    // crawled on 5 January 2015: a "Dec 30" dateline is the previous year
    assertThat(MetadataFinder.resolveYear(MonthDay.of(12, 30), List.of(), Instant.parse("2015-01-05T08:00:00Z")))
        .isEqualTo(LocalDate.of(2014, 12, 30));
    // only other dates in the text: the nearest year to them
    assertThat(MetadataFinder.resolveYear(MonthDay.of(1, 2), List.of(LocalDate.of(2014, 12, 28)), null))
        .isEqualTo(LocalDate.of(2015, 1, 2));
    assertThat(MetadataFinder.resolveYear(MonthDay.of(1, 2), List.of(), null)).isNull();
  }

  @Test
  void datelineWithoutAnyYearEvidenceGivesNoDate() {
    Article a = text("Talks resume\n\nGENEVA, March 3 (Reuters) - " + BODY + "\n", null);
    assertThat(a.dateline()).isEqualTo("GENEVA");
    assertThat(a.agency()).isEqualTo("Reuters");
    assertThat(a.published()).isNull();
  }

  @Test
  void documentTimeWithinADayOfTheDatelineIsKeptAsMorePrecise() {
    Instant own = Instant.parse("2015-03-03T14:30:00Z");
    Article a = text("Talks resume\n\nGENEVA, March 3 (Reuters) - " + BODY + "\n", own);
    assertThat(a.published()).isEqualTo(own);
  }

  @Test
  void originalPublicationBeatsLastUpdate() {
    Article a = text("Talks resume\n\nPublished: 2 March 2015\n\n" + BODY + "\n\nLast updated: 05.03.2015 12:00\n",
        null);
    assertThat(a.published()).isEqualTo(Instant.parse("2015-03-02T00:00:00Z"));
    Article onlyUpdate = text("Talks resume\n\n" + BODY + "\n\nLast updated: 05.03.2015 12:00\n", null);
    assertThat(onlyUpdate.published()).isEqualTo(Instant.parse("2015-03-05T00:00:00Z"));
  }

  @Test
  void isoStampWithZoneKeepsItsTime() {
    Article a = text("Talks resume\n\nUpdated 2015-03-05T12:40:00+01:00\n\n" + BODY + "\n", null);
    assertThat(a.published()).isEqualTo(Instant.parse("2015-03-05T11:40:00Z"));
  }

  @Test
  void agencyFromCreditLinesButNotFromPhotoCredits() {
    Article dw = text("Talks resume\n\n" + BODY + "\n\njbh/rc (AFP, dpa, Reuters)\n", null);
    assertThat(dw.agency()).isEqualTo("AFP");
    assertThat(dw.text()).isEqualTo(BODY);
    Article photo = text("Talks resume\n\nDelegates arrive. (AP Photo/Ann Example)\n\n" + BODY + "\n", null);
    assertThat(photo.agency()).isNull();
    Article bylined = text("Talks resume\n\nBy Ann Example, Associated Press\n\n" + BODY + "\n", null);
    assertThat(bylined.agency()).isEqualTo("AP");
    assertThat(bylined.byline()).isEqualTo("Ann Example, Associated Press");
  }

  @Test
  void datesInRunningTextAreFoundInTheirCommonForms() {
    assertThat(DateFinder.find("on November 26, 2014 in Sochi")).extracting(DateFinder.Found::date)
        .containsExactly(LocalDate.of(2014, 11, 26));
    assertThat(DateFinder.find("Tuesday, Nov. 18, 2014.")).extracting(DateFinder.Found::date)
        .containsExactly(LocalDate.of(2014, 11, 18));
    assertThat(DateFinder.find("26th of November 2014")).extracting(DateFinder.Found::date)
        .containsExactly(LocalDate.of(2014, 11, 26));
    assertThat(DateFinder.find("Tue, 17/05/2016 - 19:42")).extracting(DateFinder.Found::date)
        .containsExactly(LocalDate.of(2016, 5, 17));
    assertThat(DateFinder.find("05/17/2016")).extracting(DateFinder.Found::date)
        .containsExactly(LocalDate.of(2016, 5, 17));
    assertThat(DateFinder.find("31/02/2016 and 1999-13-40")).isEmpty();
  }
}
