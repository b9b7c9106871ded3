package io.storyline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetadataMatchTest {

  @Test
  void titlesMatchAfterNormalisationOrWithTheSiteAffixCut() {
    assertThat(MetadataMatch.titleMatches("Xbox One X review:  A console", "Xbox One X review: a console")).isTrue();
    assertThat(MetadataMatch.titleMatches("Get your Frontend JavaScript Code Covered | Code",
        "Get your Frontend JavaScript Code Covered")).isTrue();
    assertThat(MetadataMatch.titleMatches("Mozilla - Wikipedia", "Mozilla")).isTrue();
    assertThat(MetadataMatch.titleMatches("Mozilla - Wikipedia", "Wikipedia Mozilla Foundation")).isFalse();
    assertThat(MetadataMatch.titleMatches("A title", null)).isFalse();
  }

  @Test
  void bylinesMatchWithoutByAndAsWholeWordsInsideTheOther() {
    assertThat(MetadataMatch.bylineMatches("By Ana Sandoiu", "Ana Sandoiu")).isTrue();
    assertThat(MetadataMatch.bylineMatches("Eleanor Ainge Roy", "Eleanor Ainge Roy")).isTrue();
    assertThat(MetadataMatch.bylineMatches("By Nathan Willis March 25, 2015", "Nathan Willis")).isTrue();
    assertThat(MetadataMatch.bylineMatches("Ana Sandoiu", "Ana")).isTrue();
    assertThat(MetadataMatch.bylineMatches("Ana Sandoiu", "Sandoiuana")).isFalse();
    assertThat(MetadataMatch.bylineMatches("Ana Sandoiu", "John Smith")).isFalse();
  }

  @Test
  void datesMatchOnTheCalendarDayInTheGoldOffset() {
    Instant t = Instant.parse("2015-07-24T04:36:09Z");
    assertThat(MetadataMatch.dateMatches("2015-07-24T05:36:09+01:00", t)).isTrue();
    assertThat(MetadataMatch.dateMatches("2015-07-24", t)).isTrue();
    assertThat(MetadataMatch.dateMatches("2015-07-23T23:30:00-05:00", t)).isTrue();
    assertThat(MetadataMatch.dateMatches("2015-07-25", t)).isFalse();
    assertThat(MetadataMatch.dateMatches("2015-07-24", null)).isFalse();
    assertThat(MetadataMatch.dateMatches("sometime", t)).isFalse();
  }
}
