package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlDatesTest {

  @Test
  void readsIsoDatesAndTheirLooseVariants() {
    assertThat(HtmlDates.parse("2015-07-24T05:36:09+01:00")).isEqualTo(Instant.parse("2015-07-24T04:36:09Z"));
    assertThat(HtmlDates.parse("2021-11-01T10:52:50+0100")).isEqualTo(Instant.parse("2021-11-01T09:52:50Z"));
    assertThat(HtmlDates.parse("2017-11-03 03:01:00.000000")).isEqualTo(Instant.parse("2017-11-03T03:01:00Z"));
    assertThat(HtmlDates.parse("2024-06-25")).isEqualTo(Instant.parse("2024-06-25T00:00:00Z"));
    assertThat(HtmlDates.parse("20150724")).isEqualTo(Instant.parse("2015-07-24T00:00:00Z"));
  }

  @Test
  void readsRfc1123MonthNamesAndEpochs() {
    assertThat(HtmlDates.parse("Fri, 24 Jul 2015 05:36:09 GMT")).isEqualTo(Instant.parse("2015-07-24T05:36:09Z"));
    assertThat(HtmlDates.parse("March 25, 2015")).isEqualTo(Instant.parse("2015-03-25T00:00:00Z"));
    assertThat(HtmlDates.parse("25 March 2015")).isEqualTo(Instant.parse("2015-03-25T00:00:00Z"));
    assertThat(HtmlDates.parse("1437716169")).isEqualTo(Instant.parse("2015-07-24T05:36:09Z"));
  }

  @Test
  void refusesWhatIsNotAPlausibleDate() {
    assertThat(HtmlDates.parse("yesterday")).isNull();
    assertThat(HtmlDates.parse("2015-13-45")).isNull();
    assertThat(HtmlDates.parse("1234567890123456")).isNull();
    assertThat(HtmlDates.parse("0001-01-01")).isNull();
    assertThat(HtmlDates.parse(null)).isNull();
  }

  @Test
  void tellsDateStampsFromSentencesWithDates() {
    assertThat(HtmlDates.isDateLine("17 May 2016")).isTrue();
    assertThat(HtmlDates.isDateLine("Updated: March 2, 2015 3:46 PM")).isTrue();
    assertThat(HtmlDates.isDateLine("2016-05-17 09:30")).isTrue();
    assertThat(HtmlDates.isDateLine("The vote on 17 May 2016 was close.")).isFalse();
    assertThat(HtmlDates.isDateLine("Harbour plan approved")).isFalse();
  }

  @Test
  void findsDatesInUrlPaths() {
    assertThat(HtmlDates.fromUrl("https://example.com/2015/07/24/story")).isEqualTo(
        Instant.parse("2015-07-24T00:00:00Z"));
    assertThat(HtmlDates.fromUrl("https://example.com/story-20150724")).isNull();
  }
}
