package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractHtmlBenchTest {

  @Test
  void printsPagesPerSecondTimeSpreadAndAllocationForTheNamedPages(@TempDir Path dir) throws IOException {
    ExtractionEvalCommandTest.cases(dir);
    Files.writeString(dir.resolve("harbour/other.html"), "<html><body><p>not measured</p></body></html>");
    CliRun run = CliRun.of("bench", "extract", dir.toString(), "--pages-named", "source.html", "--seconds", "1");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("1 HTML pages", "pages/cpu-s", "load average", "median", "p99", "alloc/page",
        "HTML, default (with language)", "HTML, no language detection");
  }

  @Test
  void theHeadlineIsTheDefaultConfigurationWithLanguageDetection(@TempDir Path dir) throws IOException {
    ExtractionEvalCommandTest.cases(dir);
    CliRun run = CliRun.of("bench", "extract", dir.toString(), "--pages-named", "source.html", "--seconds", "1");
    String firstResult = run.out().lines().dropWhile(l -> !l.startsWith("configuration")).skip(1).findFirst()
        .orElse("");
    assertThat(firstResult).startsWith("HTML, default (with language)");
  }

  @Test
  void reportsOneHugeGeneratedPage(@TempDir Path dir) throws IOException {
    ExtractionEvalCommandTest.cases(dir);
    CliRun run = CliRun.of("bench", "extract", dir.toString(), "--seconds", "1", "--huge-mb", "5");
    assertThat(run.out()).contains("huge page: 5 MB generated -> ARTICLE");
  }

  @Test
  void theGeneratedHugePageIsAnArticleWithChrome() {
    Article a = Extractor.builder().detectLanguage(false).build().extract(ExtractHtmlBench.hugePage(200_000));
    assertThat(a.status()).isEqualTo(Article.Status.ARTICLE);
    assertThat(a.title()).isEqualTo("Harbour plan approved");
    assertThat(a.text()).startsWith("The council said on Tuesday").doesNotContain("Another story");
  }

  @Test
  void failsWhenNoPageMatches(@TempDir Path dir) throws IOException {
    ExtractionEvalCommandTest.cases(dir);
    CliRun run = CliRun.of("bench", "extract", dir.toString(), "--pages-named", "nothing.html");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("no HTML pages", "nothing.html");
  }
}
