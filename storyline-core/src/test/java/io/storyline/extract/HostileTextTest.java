package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Flattened text built to hit the worst case of a rule: each input is some 200,000 units of one kind, on which a
 * quadratic rule runs for many minutes. The time limit is a hang guard, ten times what a linear pass needs on the
 * shared development machine, not a speed target (those are in {@code storyline bench extract-text}).
 */
class HostileTextTest {

  private static final Duration HANG_GUARD = Duration.ofSeconds(60);
  private static final int UNITS = 200_000;

  @Test
  void pageOfNothingButListLeadsIsLabelledInOnePass() {
    String text = "Read more:\n".repeat(UNITS);
    var r = assertTimeoutPreemptively(HANG_GUARD,
        () -> new TextArticleExtractor(Integer.MAX_VALUE).extract(text, TextArticleExtractor.Context.NONE));
    assertThat(r.status()).isEqualTo(Article.Status.EMPTY);
    assertThat(r.paragraphs()).isEmpty();
  }

  @Test
  void longChainOfBrokenLinesIsJoinedInOnePass() {
    String text = "Title of the page\n\n" + "the minister said the talks would go on and\n\n".repeat(UNITS);
    TextLayout.Layout layout = assertTimeoutPreemptively(HANG_GUARD, () -> TextLayout.layout(text));
    assertThat(layout.units()).hasSize(2);
    assertThat(layout.units().get(0)).isEqualTo("Title of the page");
    assertThat(layout.units().get(1)).hasSize(TextLayout.MAX_UNIT_CHARS)
        .startsWith("the minister said the talks would go on and the minister said");
    assertThat(layout.cut()).isEqualTo(1);
  }

  @Test
  void pageOfUnclosedScriptTagsIsStrippedInOnePass() {
    String text = "<html>\n" + "<script>\n".repeat(UNITS);
    String stripped = assertTimeoutPreemptively(HANG_GUARD, () -> TextNormalizer.stripMarkup(text));
    assertThat(stripped).isBlank();
  }

  @Test
  void scriptStyleAndHeadElementsGoWholeAndAnUnclosedOneStays() {
    String page = "<HTML><head><title>T</title></HEAD>\n<body>\n<p>First paragraph.</p>\n"
        + "<script type=\"text/javascript\">var a = '<p>not text</p>';</script >\n<p>Second.</p>\n"
        + "<style>p { color: red }</style><script>\n<p>Third.</p>\n</body></html>";
    String stripped = TextNormalizer.stripMarkup(page);
    assertThat(stripped).contains("First paragraph.", "Second.", "Third.")
        .doesNotContain("not text", "color");
    assertThat(stripped.lines().map(String::strip)).doesNotContain("T");
  }
}
