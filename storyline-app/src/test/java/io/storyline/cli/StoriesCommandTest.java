package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.testing.IngestFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoriesCommandTest {
  @TempDir Path tmp;

  private static Map<String, JsonNode> byId(CliRun run) {
    Map<String, JsonNode> out = new HashMap<>();
    for (JsonNode n : run.lines()) {
      out.put(n.get("id").asText(), n);
    }
    return out;
  }

  @Test
  void seedsGiveOneCopyGroupInOneStoryAndTwoStoriesOfOneTopicSayingWhichDateWasUsed() {
    // 001 and 003 carry their dates in the text (dateline, "Last update"); 000 has none and takes the previous
    // document's time, which the output says.
    CliRun run = CliRun.of("stories", "--no-embeddings", IngestFixtures.examplesSeeds().toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    Map<String, JsonNode> doc = byId(run);
    assertThat(doc).hasSize(3);
    JsonNode a = doc.get("000_07f4cbc89c93d9ec.txt");
    JsonNode b = doc.get("001_ad8f6daf88e7a778.txt");
    JsonNode c = doc.get("003_0eaa330e43070bbf.txt");
    assertThat(a.get("group").asText()).isEqualTo(b.get("group").asText()).isNotEqualTo(c.get("group").asText());
    assertThat(a.get("story").asText()).isEqualTo(b.get("story").asText()).isNotEqualTo(c.get("story").asText());
    assertThat(doc.values()).allSatisfy(n -> assertThat(n.get("topic").asText()).isEqualTo(a.get("topic").asText()));
    assertThat(b.get("date").asText()).isEqualTo("published");
    assertThat(b.get("published").asText()).startsWith("2014-11-26");
    assertThat(c.get("published").asText()).startsWith("2016-05-17");
    assertThat(a.get("date").asText()).isIn("arrival", "previous_document");
    assertThat(a.get("dateNote").asText()).isEqualTo("no publication date");
  }

  @Test
  void datedSeedsGiveTwoStoriesOfOneTopic() throws IOException {
    Path seeds = IngestFixtures.examplesSeeds();
    Path feed = tmp.resolve("seeds.jsonl");
    ObjectMapper json = new ObjectMapper();
    String[][] seed = {
        {"000_07f4cbc89c93d9ec.txt", "Russia Vows Support for Syria's Assad to Combat 'Terrorism'",
            "2014-11-26T14:00:00Z"},
        {"001_ad8f6daf88e7a778.txt", "Russia Vows Support For Syria's Bashar Assad", "2014-11-26T16:30:00Z"},
        {"003_0eaa330e43070bbf.txt", "Russia seeks distance from Syria's al-Assad amid Vienna peace talks",
            "2016-05-17T18:00:00Z"}};
    StringBuilder lines = new StringBuilder();
    for (String[] s : seed) {
      String text = Files.readString(seeds.resolve(s[0]), StandardCharsets.UTF_8).replace(s[1], "").strip();
      lines.append(json.writeValueAsString(Map.of("id", s[0], "title", s[1], "text", text, "published", s[2])))
          .append('\n');
    }
    Files.writeString(feed, lines, StandardCharsets.UTF_8);
    CliRun run = CliRun.of("stories", feed.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    Map<String, JsonNode> doc = byId(run);
    String sochi = doc.get("000_07f4cbc89c93d9ec.txt").get("story").asText();
    assertThat(doc.get("001_ad8f6daf88e7a778.txt").get("story").asText()).isEqualTo(sochi);
    assertThat(doc.get("003_0eaa330e43070bbf.txt").get("story").asText()).isNotEqualTo(sochi);
    assertThat(doc.values()).extracting(n -> n.get("topic").asText())
        .containsOnly(doc.get("000_07f4cbc89c93d9ec.txt").get("topic").asText());
    assertThat(doc.get("003_0eaa330e43070bbf.txt").get("published").asText()).isEqualTo("2016-05-17T18:00:00Z");
    assertThat(doc.get("003_0eaa330e43070bbf.txt").get("date").asText()).isEqualTo("published");
  }

  @Test
  void headlineOnlyAndUndatedRecordsGetStoriesAndSayWhichDateWasUsed() throws IOException {
    Path feed = tmp.resolve("feed.jsonl");
    Files.writeString(feed, String.join("\n",
        "{\"id\":\"a\",\"title\":\"Flappy Bird creator considers bringing the game back\","
            + "\"published\":\"2014-03-10T10:00:00Z\",\"source\":\"One\"}",
        "{\"id\":\"b\",\"title\":\"Flappy Bird could return, says its creator Dong Nguyen\","
            + "\"published\":\"2014-03-10T11:00:00Z\",\"source\":\"Two\"}",
        "{\"id\":\"c\",\"title\":\"Sbarro files for Chapter 11 bankruptcy protection again\"}",
        "{\"id\":\"d\",\"title\":\"Pizza chain Sbarro files for bankruptcy for the second time\","
            + "\"published\":\"2014-03-10T12:00:00Z\",\"source\":\"Three\"}",
        ""), StandardCharsets.UTF_8);
    Path storiesFile = tmp.resolve("stories.jsonl");
    CliRun run = CliRun.of("stories", feed.toString(), "--stories", storiesFile.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    Map<String, JsonNode> doc = byId(run);
    assertThat(doc.get("a").get("story").asText()).isEqualTo(doc.get("b").get("story").asText());
    assertThat(doc.get("c").get("story").asText()).isEqualTo(doc.get("d").get("story").asText())
        .isNotEqualTo(doc.get("a").get("story").asText());
    assertThat(doc.get("a").get("date").asText()).isEqualTo("published");
    assertThat(doc.get("c").get("date").asText()).isEqualTo("previous_document");
    assertThat(doc.get("c").get("dateNote").asText()).isEqualTo("no publication date");
    assertThat(doc.get("c").get("published").asText()).isEqualTo("2014-03-10T11:00:00Z");

    List<String> lines = Files.readAllLines(storiesFile, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(2);
    JsonNode flappy = new ObjectMapper().readTree(lines.get(0));
    assertThat(flappy.get("id").asText()).isEqualTo(doc.get("a").get("story").asText());
    assertThat(flappy.get("size").asInt()).isEqualTo(2);
    assertThat(flappy.get("firstSeen").asText()).isEqualTo("2014-03-10T10:00:00Z");
    assertThat(flappy.get("lastSeen").asText()).isEqualTo("2014-03-10T11:00:00Z");
    assertThat(flappy.get("headline").asText()).contains("Flappy Bird");
    assertThat(flappy.get("outlets")).extracting(JsonNode::asText).containsExactlyInAnyOrder("One", "Two");
    assertThat(flappy.get("topic").asText()).isNotBlank();
    assertThat(flappy.get("entities").toString()).contains("Flappy Bird");
  }

  @Test
  void missingInputFailsWithExitCodeOne() {
    CliRun run = CliRun.of("stories", tmp.resolve("nope").toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.err()).contains("nope").contains("not found");
  }
}
