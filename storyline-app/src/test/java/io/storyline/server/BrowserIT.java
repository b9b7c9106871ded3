package io.storyline.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyline.cli.StorylineCli;
import io.storyline.store.Store;
import io.storyline.store.StoreTesting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web UI in headless Chromium: the seeds' Syria story with its outlets and diff, and hostile pages. */
class BrowserIT {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  @TempDir Path dir;

  @Test
  void frontPageLeadsToTheSyriaStoryWithBothOutletsAndTheDiff() throws Exception {
    Browser.assumeInstalled();
    Path seeds = Path.of("..", "examples", "seeds");
    Path storeDir = dir.resolve("store");
    assertThat(StorylineCli.execute("run", seeds.toString(), "--store", storeDir.toString(), "-q",
        "-o", dir.resolve("run.jsonl").toString())).isEqualTo(0);
    try (Store store = Store.open(storeDir)) {
      Assumptions.assumeTrue(store.stats().copiesEnabled() && store.stats().storiesEnabled(),
          "seed story test skipped: the copies and stories stages are not in this build yet");
      try (Server server = Server.builder().store(store).port(0).build().start();
          Browser browser = Browser.start(dir.resolve("profile"))) {
        var driver = browser.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(server.url().toString());
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("li.story a.story-link"), 0));
        // the Syria story carried by two outlets: the card about Syria with the most articles
        WebElement syria = driver.findElements(By.cssSelector("li.story")).stream()
            .filter(card -> card.findElement(By.cssSelector("a.story-link")).getText().contains("Syria"))
            .max(java.util.Comparator.comparingInt(card -> articles(card.findElement(By.cssSelector(".meta"))
                .getText())))
            .map(card -> card.findElement(By.cssSelector("a.story-link")))
            .orElseThrow(() -> new AssertionError("no Syria story on the front page: "
                + driver.findElement(By.id("main")).getText()));
        browser.screenshot(SCREENSHOTS.resolve("front-page.png"));
        syria.click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".diff")));
        List<String> articles = driver.findElements(By.cssSelector("ol.timeline a")).stream()
            .map(a -> a.getAttribute("href")).toList();
        assertThat(articles).anyMatch(h -> h.contains("000_07f4cbc89c93d9ec")).anyMatch(
            h -> h.contains("001_ad8f6daf88e7a778"));
        WebElement diff = driver.findElement(By.cssSelector(".diff"));
        assertThat(diff.findElements(By.cssSelector("ins, del"))).isNotEmpty();
        // the diff compares the two versions, each named by its outlet (or its id when extraction found none)
        String heading = diff.findElement(By.tagName("h3")).getText();
        assertThat(heading).contains(" compared with ");
        String[] sides = heading.split(" compared with ");
        assertThat(sides[0]).isNotBlank().isNotEqualTo(sides[1]);
        browser.screenshot(SCREENSHOTS.resolve("syria-story.png"));
        assertThat(browser.alertOpen()).isFalse();
      }
    }
  }

  /** The number in "… · 2 articles" of a story card. */
  private static int articles(String meta) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) articles?").matcher(meta);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test
  void theSeedCopiesPageShowsBothVersionsAndWhatChanged() throws Exception {
    Browser.assumeInstalled();
    Path storeDir = dir.resolve("store");
    assertThat(StorylineCli.execute("run", Path.of("..", "examples", "seeds").toString(), "--store",
        storeDir.toString(), "-q", "-o", dir.resolve("run.jsonl").toString())).isEqualTo(0);
    try (Store store = Store.open(storeDir);
        Server server = Server.builder().store(store).port(0).build().start();
        Browser browser = Browser.start(dir.resolve("profile"))) {
      Assumptions.assumeTrue(store.stats().copiesEnabled(), "the copies stage is not in this build");
      var driver = browser.driver();
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      driver.get(server.url() + "#/article/000_07f4cbc89c93d9ec.txt");
      WebElement group = wait.until(ExpectedConditions.elementToBeClickable(
          By.cssSelector("a.badge[href^='#/copies/']")));
      group.click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".diff")));
      List<String> members = driver.findElements(By.cssSelector("ul.articles a.title")).stream()
          .map(a -> a.getAttribute("href")).toList();
      assertThat(members).hasSize(2).anyMatch(h -> h.contains("000_07f4cbc89c93d9ec"))
          .anyMatch(h -> h.contains("001_ad8f6daf88e7a778"));
      WebElement diff = driver.findElement(By.cssSelector(".diff"));
      assertThat(diff.findElements(By.cssSelector("ins, del"))).isNotEmpty();
      assertThat(diff.getText()).contains("Assad");
      browser.screenshot(SCREENSHOTS.resolve("seed-copies.png"));
      assertThat(browser.alertOpen()).isFalse();
    }
  }

  @Test
  void hostileTitlesTextsOutletsAndLinksNeverExecute() throws Exception {
    Browser.assumeInstalled();
    String title = "<img src=x onerror=\"alert('title');window.pwned='title'\"><script>window.pwned='script'"
        + "</script>";
    String text = "Opening <script>alert('text')</script> line.\n\n<a href=\"javascript:alert('a')\">click</a>"
        + " <svg onload=\"alert('svg')\"></svg> <iframe src=\"javascript:alert('frame')\"></iframe>";
    try (Store store = StoreTesting.openWithPredictableStages(dir.resolve("store"));
        Server server = Server.builder().store(store).port(0).build().start();
        Browser browser = Browser.start(dir.resolve("profile"))) {
      Http http = new Http(server.url());
      String batch = Http.article("evil-1", title, text, "2020-01-01T10:00:00Z",
          "<b onmouseover=\"alert('outlet')\">Evil Outlet</b>", "javascript:alert('url')") + "\n"
          + Http.article("evil-2", title, text + " More.", "2020-01-01T11:00:00Z", "\"><script>alert(2)</script>",
          "https://example.org/fine?a=<script>");
      assertThat(http.post("/api/articles", batch).status()).isEqualTo(200);
      var driver = browser.driver();
      JavascriptExecutor js = driver;
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      String storyId = store.article("evil-1").orElseThrow().storyId();
      String group = store.article("evil-1").orElseThrow().copyGroup();
      for (String page : List.of("#/", "#/story/" + storyId, "#/article/evil-1", "#/copies/" + group,
          "#/search?q=opening", "#/topic/nope")) {
        driver.get(server.url() + page);
        wait.until(d -> !d.findElement(By.id("main")).getText().isBlank());
        Thread.sleep(300); // give an injected handler (onerror, onload) time to fire if it could
        assertThat(browser.alertOpen()).as("alert on %s", page).isFalse();
        assertThat(js.executeScript("return window.pwned === undefined")).as("script ran on %s", page)
            .isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#main img, #main script, #main svg, #main iframe, #main b")))
            .as("markup from the data became elements on %s", page).isEmpty();
        assertThat(driver.findElement(By.id("main")).getText()).as("page %s", page).doesNotContain("[object ");
        for (WebElement a : driver.findElements(By.cssSelector("a[href]"))) {
          assertThat(a.getAttribute("href")).as("link on %s", page).doesNotStartWith("javascript:");
        }
        browser.screenshot(SCREENSHOTS.resolve("hostile-" + page.replaceAll("[^a-z]+", "-") + ".png"));
      }
      driver.get(server.url() + "#/article/evil-1");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "<img src=x"));
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
      String stored = http.get("/api/articles/evil-1").json().get("text").asText();
      assertThat(stored).as("extraction keeps some markup-like text to show").contains("<");
      for (String paragraph : stored.split("\n\n")) {
        assertThat(driver.findElement(By.cssSelector(".article-text")).getText()).contains(paragraph.strip());
      }
      browser.screenshot(SCREENSHOTS.resolve("hostile-article.png"));
      assertThat(Files.size(SCREENSHOTS.resolve("hostile-article.png"))).isGreaterThan(1000);
    }
  }
}
