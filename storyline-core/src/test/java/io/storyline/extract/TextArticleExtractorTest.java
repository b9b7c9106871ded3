package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Generic chrome rules on small texts written for these tests (no seed strings). */
class TextArticleExtractorTest {

  private static final TextArticleExtractor EXTRACTOR = new TextArticleExtractor(Extractor.DEFAULT_MAX_CHARS);

  private static TextArticleExtractor.TextResult extract(String text) {
    return EXTRACTOR.extract(text, TextArticleExtractor.Context.NONE);
  }

  private static String lines(String... lines) {
    return String.join("\n\n", lines) + "\n";
  }

  private static final String P1 = "The city council voted on Tuesday to close the old library at the end of the year.";
  private static final String P2 = "Residents had campaigned for months to keep the building open as a reading room.";
  private static final String P3 = "The council said the money saved would go to two new branches in the suburbs.";

  @Test
  void keepsShortQuotesAndCrossheadsInsideTheBody() {
    var r = extract(lines("Library to close in December", P1, "\"No.\"", "Money for branches", P2, "Yes.", P3));
    assertThat(r.title()).isEqualTo("Library to close in December");
    assertThat(r.paragraphs()).containsExactly(P1, "\"No.\"", "Money for branches", P2, "Yes.", P3);
  }

  @Test
  void dropsSubscriptionAndDonationAppealsButNotNewsAboutDonations() {
    String news = "The charity asked people to donate blankets and said it needed more support over the winter.";
    String quoted = "\"We need your support and your donations,\" the charity's director said.";
    var r = extract(lines("Shelter appeals for blankets", P1, news, quoted,
        "Subscribe now!", "Independent journalism needs your support. Our reporters rely on readers like you, "
            + "and every contribution helps us keep our journalism free for everyone.",
        "Donate"));
    assertThat(r.paragraphs()).containsExactly(P1, news, quoted);
    assertThat(r.removed()).containsEntry("appeal", 3);
  }

  @Test
  void headlineAboutSupportIsNotAnAppeal() {
    var r = extract(lines("Support for the library plan grows", P1, P2));
    assertThat(r.title()).isEqualTo("Support for the library plan grows");
    assertThat(r.removed()).isEmpty();
  }

  @Test
  void dropsTeaserListOfTitlesWithTruncatedSnippets() {
    var r = extract(lines("Library to close", P1, P2, "Related stories",
        "Museum opens new wing", "The city museum opened a new wing on Friday with a display of local...",
        "Bus fares to rise", "Bus fares in the region will rise by five percent from April, the operator..."));
    assertThat(r.paragraphs()).containsExactly(P1, P2);
    assertThat(r.removed()).containsEntry("teaser", 4).containsEntry("navigation", 1);
  }

  @Test
  void aQuoteTrailingOffIsNotATeaser() {
    String trailing = "He said the decision was \"a disgrace ...";
    String next = "\"And nobody asked us ...";
    var r = extract(lines("Library to close", P1, trailing, next, P2));
    assertThat(r.paragraphs()).containsExactly(P1, trailing, next, P2);
  }

  @Test
  void dropsGalleryWithCountersControlsAndCaptions() {
    var r = extract(lines("Library to close", P1, P2, "In pictures: the old library",
        "(1 of 3)\nView image\nThe reading room in 1950. (Photo: City Archive)",
        "(2 of 3)\nView image\nThe entrance hall after the 1987 fire, seen from the street",
        "(3 of 3)\nView image\nVolunteers sorting books for the final sale (credit:City Archive)"));
    assertThat(r.paragraphs()).containsExactly(P1, P2);
    assertThat(r.removed()).containsKeys("gallery", "caption");
  }

  @Test
  void dropsCaptionsCreditsStampsAndNavigation() {
    var r = extract(lines("Library to close",
        "Readers in the main hall on Monday. (Photo by Ann Example/Example Images)",
        P1, P2, "Reporting by Ann Example; Editing by Bob Sample", "Copyright 2020 Example News. All rights reserved.",
        "Published: 03/02/2020 10:15", "Share this article", P3));
    assertThat(r.paragraphs()).containsExactly(P1, P2, P3);
    assertThat(r.removed()).containsEntry("caption", 1).containsEntry("credit", 2).containsEntry("timestamp", 1)
        .containsEntry("navigation", 1);
  }

  @Test
  void bareDateLineIsATimestampAndDatesTheArticle() {
    var r = extract(lines("Library to close", "Tuesday, 3 March 2020 | 10:15 GMT", P1, P2));
    assertThat(r.paragraphs()).containsExactly(P1, P2);
    assertThat(r.removed()).containsEntry("timestamp", 1);
    assertThat(r.metadata().published()).isEqualTo(java.time.Instant.parse("2020-03-03T00:00:00Z"));
    var notDate = extract(lines("Library to close", "Opening hours from 3 March 2020 are shorter", P1, P2));
    assertThat(notDate.removed()).doesNotContainKey("timestamp");
  }

  @Test
  void dropsCookieBannerButNotNewsAboutCookies() {
    String banner = "We use cookies to give you the best experience on our website. By continuing to browse you "
        + "agree to our cookie policy.";
    String news = "The bakery sold 5,000 cookies on Saturday and said it would open a second shop next year.";
    var r = extract(lines("Library to close", banner, P1, news, P2));
    assertThat(r.paragraphs()).containsExactly(P1, news, P2);
  }

  @Test
  void headingThatOnlyIntroducesChromeGoesWithIt() {
    var r = extract(lines("Library to close", P1, P2, "Don't miss", "Sign up for our newsletter today!"));
    assertThat(r.paragraphs()).containsExactly(P1, P2);
  }

  @Test
  void navigationAboveTheHeadlineIsDroppedAndTheHeadlineKept() {
    var r = extract(lines("Home", "News", "Local", "Library to close in December", P1, P2));
    assertThat(r.title()).isEqualTo("Library to close in December");
    assertThat(r.paragraphs()).containsExactly(P1, P2);
  }

  @Test
  void ledeWithoutFullStopIsNotMistakenForAHeadline() {
    String lede = "A RETIRED teacher who spent forty years collecting local maps has given the whole archive to the "
        + "city library";
    var r = extract(lines(lede, P1));
    assertThat(r.title()).isNull();
    assertThat(r.paragraphs()).containsExactly(lede, P1);
  }

  @Test
  void joinsHardWrappedLinesAndBrokenScannedLines() {
    String wrapped = "The city council voted on Tuesday to close the old library at the\n"
        + "end of the year, ending more than a century of lending on the same\n"
        + "site in the market square.\n\n"
        + "Residents had campaigned for months to keep the building open as a\n"
        + "reading room and a meeting place for local groups of all kinds.\n\n"
        + "Mr Example said the council had\n\nbroken its promise to the town.\n";
    var r = extract(wrapped);
    assertThat(r.paragraphs()).containsExactly(
        "The city council voted on Tuesday to close the old library at the end of the year, ending more than a "
            + "century of lending on the same site in the market square.",
        "Residents had campaigned for months to keep the building open as a reading room and a meeting place for "
            + "local groups of all kinds.",
        "Mr Example said the council had broken its promise to the town.");
  }

  @Test
  void reutersCreditAtTheEndOfTheLastParagraphIsCut() {
    var r = extract(lines("Library to close", P1,
        P2 + " (Reporting by Ann Example; Additional reporting by Bob Sample; Editing by Carl Test)"));
    assertThat(r.paragraphs()).containsExactly(P1, P2);
    assertThat(r.metadata().agency()).isEqualTo("Reuters");
    assertThat(r.removed()).containsEntry("credit", 1);
  }

  @Test
  void nearDuplicateHeadlineOverThePictureIsATitleRepeat() {
    var r = extract(lines("Council votes to close the old library", "Council votes to close library",
        "The library's reading room. (Photo: City Archive)", P1, P2));
    assertThat(r.title()).isEqualTo("Council votes to close the old library");
    assertThat(r.paragraphs()).containsExactly(P1, P2);
    assertThat(r.removed()).containsEntry("title-repeat", 1);
  }

  @Test
  void siteNameLineIsDroppedWhenTheSiteIsKnown() {
    var ctx = new TextArticleExtractor.Context(null, java.util.Set.of("examplegazette"), s -> false, null);
    var r = EXTRACTOR.extract(lines("Example Gazette", "Library to close", P1, P2), ctx);
    assertThat(r.title()).isEqualTo("Library to close");
    assertThat(r.removed()).containsEntry("site-name", 1);
  }

  @Test
  void knownTitleIsRemovedFromTheTopOfTheBody() {
    var ctx = new TextArticleExtractor.Context("Library to close in December", java.util.Set.of(), s -> false, null);
    var r = EXTRACTOR.extract(lines("Library to close in December", P1, P2), ctx);
    assertThat(r.title()).isEqualTo("Library to close in December");
    assertThat(r.paragraphs()).isEqualTo(List.of(P1, P2));
  }
}
