package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlMetadataTest {

  private static HtmlMetadata read(String head, String body) {
    Document doc = Jsoup.parse("<html><head>" + head + "</head><body>" + body + "</body></html>");
    return HtmlMetadata.read(doc, HtmlPageIndex.of(doc), null);
  }

  @Test
  void stripsTheSiteNameFromTheTitle() {
    assertThat(read("<title>Obama admits US gun laws are his 'biggest frustration' - BBC News</title>"
        + "<meta property='og:site_name' content='BBC News'>", "").title())
        .isEqualTo("Obama admits US gun laws are his 'biggest frustration'");
    assertThat(read("<title>The Guardian | Whale strandings rise in New Zealand</title>"
        + "<link rel='canonical' href='https://www.theguardian.com/world/x'>", "").title())
        .isEqualTo("Whale strandings rise in New Zealand");
    assertThat(read("<title>Harbour plan approved | News | Example Site</title>"
        + "<meta property='og:site_name' content='Example Site'>", "").title())
        .isEqualTo("Harbour plan approved | News");
  }

  @Test
  void guessesTheSiteSuffixOnlyWhenNoSiteNameIsKnown() {
    assertThat(read("<title>Get your Frontend JavaScript Code Covered | Code</title>", "").title())
        .isEqualTo("Get your Frontend JavaScript Code Covered");
    assertThat(read("<title>Evolve: Shared Mutable History — evolve extension for Mercurial</title>",
        "<h1>evolve extension for Mercurial</h1><h1>Evolve: Shared Mutable History</h1>").title())
        .isEqualTo("Evolve: Shared Mutable History");
    assertThat(read("<title>Daring Fireball: Colophon</title>", "").title()).isEqualTo("Daring Fireball: Colophon");
  }

  @Test
  void prefersStructuredTitlesOverTheTitleElement() {
    HtmlMetadata m = read("<title>Short | Site</title><meta property='og:title' content='The og title'>"
        + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"The JSON-LD headline\"}"
        + "</script>", "<h1>The h1</h1>");
    assertThat(m.title()).isEqualTo("The JSON-LD headline");
    assertThat(read("<title></title>", "<h1>Only an h1</h1>").title()).isEqualTo("Only an h1");
  }

  @Test
  void prefersTheMetadataTitleThePageItselfBacks() {
    HtmlMetadata m = read("<title>New Zealand - Wikipedia</title><script type='application/ld+json'>"
        + "{\"@type\":\"Article\",\"name\":\"New Zealand\",\"headline\":\"constitutional monarchy in Oceania\"}"
        + "</script>", "<h1>New Zealand</h1>");
    assertThat(m.title()).isEqualTo("New Zealand");
  }

  @Test
  void readsBylinesAndCutsByAndTrailingDates() {
    assertThat(read("<meta name='author' content='By Jane Doe'>", "").byline()).isEqualTo("Jane Doe");
    assertThat(read("", "<p>Intro</p><span class='byline'>By JOHN SMITH | Updated March 2, 2015</span>").byline())
        .isEqualTo("JOHN SMITH");
    assertThat(read("", "<div itemprop='author' itemscope><span itemprop='name'>Ana Sandoiu</span></div>").byline())
        .isEqualTo("Ana Sandoiu");
    assertThat(read("<meta property='article:author' content='https://www.facebook.com/someone'>", "").byline())
        .isNull();
  }

  @Test
  void refusesDateStampsAndSentencesAsBylines() {
    assertThat(HtmlMetadata.cleanByline("Last Updated: January 7, 2025")).isNull();
    assertThat(HtmlMetadata.cleanByline("Katie Couric New Yorkers post their feelings about the election")).isNull();
    assertThat(HtmlMetadata.cleanByline("Martin Untersinger (avec Damien Leloup et Morgane Tual)"))
        .isEqualTo("Martin Untersinger (avec Damien Leloup et Morgane Tual)");
  }

  @Test
  void ignoresCommentAuthorsWhenLookingForTheByline() {
    assertThat(read("", "<div class='comments'><span class='author'>Troll 42</span></div>").byline()).isNull();
    assertThat(read("", "<div class='related-stories'><span class='byline'>Other Writer</span></div>"
        + "<article><span class='byline'>By Real Author</span></article>").byline()).isEqualTo("Real Author");
  }

  @Test
  void readsJsonLdInGraphsArraysAndWithFullTypeNames() {
    HtmlMetadata m = read("<script type='application/ld+json'>{\"@context\":{\"@vocab\":\"http://schema.org/\"},"
        + "\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Example Site\"},{\"@type\":[\"http://schema.org/NewsArticle\"],"
        + "\"headline\":\"Graph headline\",\"author\":{\"@type\":\"Person\",\"name\":\"Stella Kim\"},"
        + "\"datePublished\":\"2024-12-06T22:00:40.000Z\",\"articleBody\":\"Body text.\"}]}</script>", "");
    assertThat(m.title()).isEqualTo("Graph headline");
    assertThat(m.byline()).isEqualTo("Stella Kim");
    assertThat(m.published()).isEqualTo(Instant.parse("2024-12-06T22:00:40Z"));
    assertThat(m.siteName()).isEqualTo("Example Site");
    assertThat(m.declaresArticle()).isTrue();
    assertThat(m.jsonLdBody()).isEqualTo("Body text.");
  }

  @Test
  void skipsJsonLdThatDoesNotParse() {
    HtmlMetadata m = read("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
        + "<meta property='og:title' content='Still here'>", "");
    assertThat(m.title()).isEqualTo("Still here");
  }

  @Test
  void prefersTheOriginalPublicationOverTheLastUpdate() {
    HtmlMetadata m = read("<meta property='article:modified_time' content='2016-05-18T19:42:00Z'>"
        + "<meta property='article:published_time' content='2016-05-17T09:30:00Z'>", "");
    assertThat(m.published()).isEqualTo(Instant.parse("2016-05-17T09:30:00Z"));
    assertThat(read("<meta property='article:modified_time' content='2016-05-18T19:42:00Z'>", "").published())
        .isNull();
    assertThat(read("<script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"x\","
        + "\"dateModified\":\"2020-01-02\",\"datePublished\":\"2019-12-31\"}</script>", "").published())
        .isEqualTo(Instant.parse("2019-12-31T00:00:00Z"));
  }

  @Test
  void readsTheTimeElementOfTheArticleAndParselyDates() {
    assertThat(read("", "<time datetime='2020-01-01'>site clock</time>"
        + "<article><time datetime='2015-07-24T05:36:09+01:00'>24 July 2015</time><p>x</p></article>").published())
        .isEqualTo(Instant.parse("2015-07-24T04:36:09Z"));
    assertThat(read("<meta name='parsely-pub-date' content='2024-04-20T04:20:00.000Z'>", "").published())
        .isEqualTo(Instant.parse("2024-04-20T04:20:00Z"));
  }

  @Test
  void reducesTheLanguageToItsIsoCode() {
    assertThat(read("", "").language()).isNull();
    Document doc = Jsoup.parse("<html lang='pt-BR'><head></head><body></body></html>");
    assertThat(HtmlMetadata.read(doc, HtmlPageIndex.of(doc), null).language()).isEqualTo("pt");
    assertThat(read("<meta http-equiv='Content-Language' content='de-DE'>", "").language()).isEqualTo("de");
    assertThat(HtmlMetadata.isoLanguage("en_GB")).isEqualTo("en");
    assertThat(HtmlMetadata.isoLanguage("x-default")).isNull();
  }

  @Test
  void resolvesTheCanonicalUrlAgainstTheBase() {
    Document doc = Jsoup.parse("<html><head><link rel='canonical' href='/2015/07/24/story'></head></html>",
        "https://www.example.com/amp/story");
    HtmlMetadata m = HtmlMetadata.read(doc, HtmlPageIndex.of(doc), "https://www.example.com/amp/story");
    assertThat(m.canonicalUrl()).isEqualTo("https://www.example.com/2015/07/24/story");
    assertThat(m.published()).isEqualTo(Instant.parse("2015-07-24T00:00:00Z"));
  }

  @Test
  void readsDublinCoreAndSpaceSeparatedProperties() {
    HtmlMetadata m = read("<meta property='dc:title og:title' content='Preferred title'>"
        + "<meta name='DC.creator' content='Creator Name'>", "");
    assertThat(m.title()).isEqualTo("Preferred title");
    assertThat(m.byline()).isEqualTo("Creator Name");
  }

  @Test
  void knowsTheHostLabelOfAUrl() {
    assertThat(HtmlMetadata.hostLabel("https://www.bbc.co.uk/news/x")).isEqualTo("bbc");
    assertThat(HtmlMetadata.hostLabel("https://edition.cnn.com/x")).isEqualTo("cnn");
    assertThat(HtmlMetadata.hostLabel("not a url")).isNull();
    assertThat(HtmlTitle.stripSite("Story - BBC News", List.of("bbc"), List.of(), false)).isEqualTo("Story");
  }
}
