package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.extract.Article;
import io.storyline.extract.Extractor;
import io.storyline.ingest.RawDocument;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ExtractTextBenchTest {

  @Test
  void generatedPagesCarryTheChromeTheExtractorRemoves() {
    RawDocument page = ExtractTextBench.generated(3).get(2);
    Article a = Extractor.builder().detectLanguage(false).build().extract(page);
    assertThat(a.title()).isEqualTo("Council backs harbour plan number 2");
    assertThat(a.agency()).isEqualTo("Reuters");
    assertThat(a.text()).doesNotContain("Support Example News", "Open Image Modal", "Ferry fares", "In pictures",
        "By Ann Example");
    assertThat(a.removed()).containsKeys("appeal", "gallery", "teaser", "byline");
  }

  @Test
  void printsAReportWithRatesPerCore() {
    StringWriter out = new StringWriter();
    CommandLine cl = StorylineCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    assertThat(cl.execute("bench", "extract-text", "--generate", "20", "--seconds", "1")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("20 text documents", "text rules + language", "docs/cpu-s", "alloc/doc",
        "language model on the heap");
    if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/stat"))) { // Linux: the VM's steal is reported
      assertThat(out.toString()).containsPattern("hypervisor steal: \\d+\\.\\d% of the machine's CPU time");
    }
  }

  @Test
  void needsInputsOrTheGenerator() {
    CommandLine cl = StorylineCli.commandLine();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("bench", "extract-text")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--generate N");
  }
}
