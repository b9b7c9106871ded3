package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlInputTest {

  @Test
  void dropsCommentsAndScriptStyleAndSvgBodiesButKeepsJsonLdAndTheElements() {
    String page = "<head><script>var a = 1 < 2;</script><script type=\"application/LD+JSON\">{\"a\":1}</script>"
        + "<style>p { color: red }</style><!-- a comment --></head>"
        + "<body><svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><svg><g/></svg><text>Share</text></svg><p>Text</p>";
    assertThat(HtmlInput.skim(page)).isEqualTo("<head><script></script>"
        + "<script type=\"application/LD+JSON\">{\"a\":1}</script><style></style></head>"
        + "<body><svg viewBox=\"0 0 1 1\"></svg><p>Text</p>");
  }

  @Test
  void followsTheTokeniserWhereAWrongCutWouldLoseText() {
    // markup-like text inside quoted attribute values, RCDATA and escaped script text is not markup
    assertThat(HtmlInput.skim("<a title=\"x <!-- y\" href='>'>Kept</a><p>-->Also kept</p>"))
        .isEqualTo("<a title=\"x <!-- y\" href='>'>Kept</a><p>-->Also kept</p>");
    assertThat(HtmlInput.skim("<title>A <!-- B</title><textarea><script>x</textarea><p>C</p>"))
        .isEqualTo("<title>A <!-- B</title><textarea><script>x</textarea><p>C</p>");
    assertThat(HtmlInput.skim("<script><!-- document.write('<script></script>'); --></script><p>D</p>"))
        .isEqualTo("<script></script><p>D</p>");
    assertThat(HtmlInput.skim("<!-->E<!--->F<!-- x --!>G")).isEqualTo("EFG");
  }

  @Test
  void leavesAnSvgThatHtmlWouldBreakOutOfToTheParser() {
    String unclosed = "<svg><path d=\"M0\"/><p>The article goes on here.</p>";
    assertThat(HtmlInput.skim(unclosed)).isEqualTo(unclosed);
    String foreign = "<svg><foreignObject><div>Label</div></foreignObject></svg>";
    assertThat(HtmlInput.skim(foreign)).isEqualTo(foreign);
  }

  @Test
  void returnsASmallPageItselfAndCutsABigOneAtATagStart() {
    String small = "<p>x</p>";
    assertThat(HtmlInput.bound(small, 100)).isSameAs(small);
    String big = "<p>" + "a".repeat(60) + "</p><p>" + "b".repeat(60) + "</p>";
    assertThat(HtmlInput.bound(big, 100)).isEqualTo("<p>" + "a".repeat(60) + "</p>");
  }
}
