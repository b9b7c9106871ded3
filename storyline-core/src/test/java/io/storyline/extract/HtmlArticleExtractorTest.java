package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlArticleExtractorTest {

  private final HtmlArticleExtractor extractor = new HtmlArticleExtractor();

  static String fixture(String name) {
    try (InputStream in = HtmlArticleExtractorTest.class.getResourceAsStream("html/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test fixture html/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void keepsEveryParagraphOfTheArticleInOrder() {
    HtmlResult r = extractor.extract(fixture("news-article.html"), null);
    assertThat(r.status()).isEqualTo(Article.Status.ARTICLE);
    assertThat(r.paragraphs()).containsExactly(
        "The city council approved the plan to rebuild the old harbour on Tuesday, ending a two-year dispute that"
            + " divided residents, fishermen and the shop owners of the market square.",
        "Councillors voted 31 to 12 in favour after a debate that lasted more than six hours, with protesters"
            + " singing outside the town hall until the result was announced late in the evening.",
        "“No.”",
        "That was the whole answer the mayor gave when asked whether the vote could be delayed again.",
        "What happens next",
        "Work on the new quay walls is due to start in September and should take three years, according to the"
            + " port authority, which will borrow most of the money from a regional development fund.",
        "We will keep fighting for the fishermen.",
        "Residents who opposed the plan said they would ask a court to review the decision, arguing that the"
            + " council had not properly assessed the noise and traffic the works would bring to the old town.",
        "The port authority said the first ships would be able to dock at the new quay in the spring of 2019.");
  }

  @Test
  void keepsShortQuotesAndHeadingsInsideTheArticle() {
    HtmlResult r = extractor.extract(fixture("news-article.html"), null);
    assertThat(r.paragraphs()).contains("“No.”", "We will keep fighting for the fishermen.", "What happens next");
  }

  @Test
  void removesShareBarCookieBannerNewsletterRelatedLinksCommentsAndCaptions() {
    HtmlResult r = extractor.extract(fixture("news-article.html"), null);
    String text = String.join("\n", r.paragraphs());
    assertThat(text).doesNotContain("Share on Facebook", "Email this story", "We use cookies", "Accept all",
        "morning briefing", "Sign up for our newsletter", "Related stories", "Fishermen fear for their moorings",
        "Comments (3)", "I have waited for this decision", "The old harbour at dawn", "Photograph:", "Most read",
        "All rights reserved", "Weather", "Harbour\nCouncil");
    assertThat(r.removed()).containsKeys("share", "cookie", "subscription", "related", "comments", "caption",
        "sidebar", "footer", "script");
  }

  @Test
  void removesUnnamedRelatedLinkListsButKeepsListsOfSources() {
    String prose = "<p>The council approved the harbour plan on Tuesday after a debate that lasted six hours, with"
        + " protesters outside the town hall until late in the evening.</p>";
    String html = "<html><head><link rel='canonical' href='https://news.example.com/harbour'></head><body><div>"
        + prose + prose.replace("Tuesday", "Monday") + "<h3>Read more</h3><ul>"
        + "<li><a href='/fishermen'>Fishermen fear for their moorings as works loom</a></li>"
        + "<li><a href='https://news.example.com/budget'>Council budget: what the harbour will cost</a></li></ul>"
        + prose.replace("Tuesday", "Friday") + "<p>Sources:</p><ul>"
        + "<li><a href='https://port.example.org/report.pdf'>Port authority annual report 2016</a></li>"
        + "<li><a href='https://council.example.gov/minutes'>Council minutes of 17 May 2016</a></li></ul>"
        + prose.replace("Tuesday", "Sunday") + "</div></body></html>";

    HtmlResult r = extractor.extract(html, null);

    assertThat(String.join("\n", r.paragraphs())).doesNotContain("Fishermen fear", "Council budget")
        .contains("Port authority annual report 2016", "Council minutes of 17 May 2016");
    assertThat(r.removed()).containsKey("link-list");
  }

  @Test
  void removesHiddenNodes() {
    HtmlResult r = extractor.extract(fixture("news-article.html"), null);
    assertThat(String.join("\n", r.paragraphs())).doesNotContain("must not appear", "Decorative text");
    assertThat(r.removed()).containsEntry("hidden", 3);
  }

  @Test
  void dropsTheHeadlineTheBylineAndTheDateStampFromTheBody() {
    HtmlResult r = extractor.extract(fixture("news-article.html"), null);
    assertThat(r.paragraphs()).noneMatch(p -> p.contains("Harbour plan approved") || p.startsWith("By ")
        || p.equals("17 May 2016"));
  }

  @Test
  void readsTheMetadataOfTheNewsPage() {
    HtmlResult r = extractor.extract(fixture("news-article.html"), "https://news.example.com/x");
    assertThat(r.title()).isEqualTo("Harbour plan approved despite protests");
    assertThat(r.byline()).isEqualTo("Ann Example, Bob Sample");
    assertThat(r.published()).isEqualTo(Instant.parse("2016-05-17T07:30:00Z"));
    assertThat(r.siteName()).isEqualTo("The Daily Example");
    assertThat(r.language()).isEqualTo("en");
    assertThat(r.canonicalUrl()).isEqualTo("https://news.example.com/2016/05/17/harbour-plan-approved");
  }

  @Test
  void saysNotAnArticleForASectionFrontAndReturnsNoChrome() {
    HtmlResult r = extractor.extract(fixture("section-front.html"), null);
    assertThat(r.status()).isEqualTo(Article.Status.NOT_ARTICLE);
    assertThat(r.paragraphs()).isEmpty();
  }

  @Test
  void saysEmptyForAPageWithoutText() {
    assertThat(extractor.extract(fixture("empty.html"), null).status()).isEqualTo(Article.Status.EMPTY);
    assertThat(extractor.extract("", null).status()).isEqualTo(Article.Status.EMPTY);
    assertThat(extractor.extract("<html><body><h1>Only a headline</h1></body></html>", null).status())
        .isEqualTo(Article.Status.EMPTY);
  }

  @Test
  void readsTheTextOfBrokenMarkup() {
    HtmlResult r = extractor.extract(fixture("broken-markup.html"), null);
    assertThat(r.status()).isEqualTo(Article.Status.ARTICLE);
    assertThat(r.paragraphs()).contains(
        "The storm tore roofs off dozens of houses in the village overnight, and the fire brigade worked until"
            + " morning to clear the roads that fallen trees had blocked.",
        "Volunteers handed out hot drinks at the village hall, which stayed open all night for people whose"
            + " homes were not safe to sleep in.");
  }

  @Test
  void survivesDeeplyNestedAndGarbageInput() {
    String deep = "<div>".repeat(20_000) + "<p>" + "Deep text that is still an article paragraph. ".repeat(5)
        + "</p>" + "</div>".repeat(20_000);
    assertThat(extractor.extract(deep, null).status()).isNotNull();
    assertThat(extractor.extract("\u0000\u0001<<<>>>&&&;;<!--<![CDATA[", null).status())
        .isEqualTo(Article.Status.EMPTY);
  }

  @Test
  void boundsTheWorkOnAFiftyMegabytePage() {
    StringBuilder b = new StringBuilder(52_000_000);
    b.append("<html><head><title>Big page</title><script>var blob = \"");
    while (b.length() < 30_000_000) {
      b.append("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    }
    b.append("\";</script></head><body><article><h1>Big page</h1>");
    for (int i = 0; i < 10; i++) {
      b.append("<p>The council said on Tuesday that the harbour plan would go ahead despite the protests.</p>");
    }
    b.append("</article><div class=\"stream\">");
    while (b.length() < 50_000_000) {
      b.append("<div class=\"teaser\"><h3><a href=\"/x\">Another harbour story</a></h3><p>Teaser text</div>");
    }
    String html = b.append("</div></body></html>").toString();

    HtmlResult r = extractor.extract(html, null);

    assertThat(r.status()).isEqualTo(Article.Status.ARTICLE);
    assertThat(r.title()).isEqualTo("Big page");
    assertThat(r.paragraphs()).contains(
        "The council said on Tuesday that the harbour plan would go ahead despite the protests.");
    assertThat(String.join("\n\n", r.paragraphs()).length()).isLessThanOrEqualTo(
        HtmlArticleExtractor.MAX_TEXT_CHARS);
  }
}
