package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {

  private static final Path SEEDS = Path.of("..", "examples", "seeds");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = StorylineCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private static List<JsonNode> lines(String jsonl) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String line : jsonl.split("\n")) {
      if (!line.isBlank()) {
        out.add(JsonLinesWriter.MAPPER.readTree(line));
      }
    }
    return out;
  }

  @Test
  void writesOneArticleLinePerSeedWithEveryField() throws Exception {
    assertThat(run("extract", SEEDS.toString())).isEqualTo(ExitCodes.OK);
    List<JsonNode> articles = lines(out.toString());
    assertThat(articles).hasSize(3);
    for (JsonNode a : articles) {
      assertThat(a.fieldNames()).toIterable().containsExactly("id", "title", "text", "byline", "published",
          "outlet", "agency", "dateline", "language", "url", "status", "removed");
      assertThat(a.get("status").asText()).isEqualTo("article");
      assertThat(a.get("language").asText()).isEqualTo("en");
    }
    JsonNode huff = articles.get(1);
    assertThat(huff.get("id").asText()).isEqualTo("001_ad8f6daf88e7a778.txt");
    assertThat(huff.get("title").asText()).isEqualTo("Russia Vows Support For Syria's Bashar Assad");
    assertThat(huff.get("published").asText()).isEqualTo("2014-11-26T00:00:00Z");
    assertThat(huff.get("agency").asText()).isEqualTo("Reuters");
    assertThat(huff.get("dateline").asText()).isEqualTo("SOCHI, Russia");
    assertThat(huff.get("byline").asText()).isEqualTo("Denis Dyomkin and Gabriela Baczynska");
    assertThat(huff.get("text").asText()).doesNotContain("Open Image Modal", "Support HuffPost");
    assertThat(huff.get("removed").get("appeal").asInt()).isEqualTo(5);
    assertThat(articles.get(0).get("byline").isNull()).isTrue();
    assertThat(err.toString()).contains("3 documents read");
  }

  @Test
  void writesToTheOutputFileAndSkipsTheFirstPassOnRequest(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("articles.jsonl");
    assertThat(run("extract", "--no-templates", "-q", SEEDS.resolve("003_0eaa330e43070bbf.txt").toString(),
        "-o", file.toString())).isEqualTo(ExitCodes.OK);
    List<JsonNode> articles = lines(Files.readString(file));
    assertThat(articles).hasSize(1);
    assertThat(articles.get(0).get("published").asText()).isEqualTo("2016-05-17T00:00:00Z");
    assertThat(err.toString()).doesNotContain("first pass");
  }

  @Test
  void outputKeepsTheInputOrderWhateverTheNumberOfThreads(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 60; i++) {
      Files.writeString(dir.resolve(String.format("page%02d.txt", i)), "Headline number " + i + "\n\n"
          + "The council said on Tuesday that plan number " + i + " would go ahead despite objections.\n");
    }
    assertThat(run("extract", "-q", "--threads", "3", dir.toString())).isEqualTo(ExitCodes.OK);
    List<JsonNode> articles = lines(out.toString());
    assertThat(articles).hasSize(60);
    for (int i = 0; i < 60; i++) {
      assertThat(articles.get(i).get("title").asText()).isEqualTo("Headline number " + i);
    }
    assertThat(run("extract", "--threads", "0", dir.toString())).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void missingInputFailsWithExitCodeOneAndNamesIt() {
    assertThat(run("extract", "no/such/folder")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("no/such/folder");
  }

  @Test
  void missingInputArgumentIsAUsageError() {
    assertThat(run("extract")).isEqualTo(ExitCodes.USAGE);
  }
}
