package io.storyline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyline.ingest.RawDocument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateModelTest {

  /** A sentence no local rule knows, in mid-page: only recurrence across the outlet's pages makes it chrome. */
  private static final String FOOTER = "Gazette readers can now have the paper delivered to their door every Sunday.";
  private static final String[] TOPICS = {"ferry timetable", "harbour dredging", "fish market", "lifeboat crew",
      "marina fees", "sea wall repairs"};

  private static RawDocument page(String source, int n) {
    String topic = TOPICS[n % TOPICS.length];
    String text = "Council reviews the " + topic + " plan " + n + "\n\n"
        + "The council on Monday opened a review of the " + topic + " after complaints from residents in ward "
        + n + ".\n\n"
        + FOOTER + "\n\n"
        + "Officials said a decision on the " + topic + " would be taken before the end of the month.\n\n"
        + "\"We have listened to everyone,\" the council leader said of the " + topic + ".\n";
    return new RawDocument("page" + n + ".txt", "crawl/page" + n + ".txt", RawDocument.ContentKind.TEXT,
        "UTF-8", text, null, null, null, source);
  }

  @Test
  void lineRecurringOnManyPagesOfOneSourceIsRemovedAsTemplate() {
    TemplateModel model = TemplateModel.create();
    List<RawDocument> pages = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pages.add(page("Harbour Gazette", i));
    }
    Extractor untrained = Extractor.create();
    assertThat(untrained.extract(pages.get(0)).text()).contains(FOOTER);

    pages.forEach(model::learn);
    Extractor extractor = Extractor.builder().templates(model).build();
    for (RawDocument p : pages) {
      Article a = extractor.extract(p);
      assertThat(a.text()).doesNotContain(FOOTER);
      assertThat(a.removed()).containsEntry("template", 1);
      assertThat(a.paragraphs()).hasSize(3);
    }
    assertThat(model.isTemplate(pages.get(0), FOOTER)).isTrue();
    assertThat(model.documents()).isEqualTo(6);
  }

  @Test
  void templateOfOneSourceDoesNotApplyToAnother() {
    TemplateModel model = TemplateModel.create();
    for (int i = 0; i < 6; i++) {
      model.learn(page("Harbour Gazette", i));
    }
    RawDocument other = page("Other Paper", 1);
    assertThat(model.isTemplate(other, FOOTER)).isFalse();
    assertThat(Extractor.builder().templates(model).build().extract(other).text()).contains(FOOTER);
  }

  @Test
  void syndicatedCopiesDoNotTurnTheirSharedStoryIntoTemplate() {
    TemplateModel model = TemplateModel.create();
    String story = "Wire story: bridge closes for repairs\n\n"
        + "The main bridge will close for three weeks from Monday while engineers replace its cables.\n\n"
        + "Drivers were told to expect long delays on the ring road during the closure period.\n\n"
        + "The work was brought forward after an inspection found corrosion in two anchor points.\n";
    List<RawDocument> copies = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      copies.add(new RawDocument("copy" + i + ".txt", "folder/copy" + i + ".txt", RawDocument.ContentKind.TEXT,
          "UTF-8", story + "Outlet number " + i + " footer\n", null, null, null, null));
    }
    copies.forEach(model::learn);
    assertThat(model.documents()).isEqualTo(1); // the four later copies are recognised as copies
    Article a = Extractor.builder().templates(model).build().extract(copies.get(3));
    assertThat(a.paragraphs()).contains(
        "The main bridge will close for three weeks from Monday while engineers replace its cables.",
        "The work was brought forward after an inspection found corrosion in two anchor points.");
    assertThat(a.removed()).doesNotContainKey("template");
  }

  @Test
  void exactDuplicatesAreCountedOnce() {
    TemplateModel model = TemplateModel.create();
    for (int i = 0; i < 4; i++) {
      model.learn(page("Harbour Gazette", 2));
    }
    assertThat(model.documents()).isEqualTo(1);
    assertThat(model.isTemplate(page("Harbour Gazette", 2), FOOTER)).isFalse();
  }

  @Test
  void onlineLearningRemovesTheTemplateOnceEnoughPagesWereSeen() {
    TemplateModel model = TemplateModel.create();
    Extractor extractor = Extractor.builder().templates(model).learnOnline(true).build();
    List<Boolean> removed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      removed.add(!extractor.extract(page("Harbour Gazette", i)).text().contains(FOOTER));
    }
    assertThat(removed).containsExactly(false, false, true, true, true);
  }

  @Test
  void defaultGroupIsSourceThenHostThenInputFolder() {
    RawDocument withSource = new RawDocument("a.txt", "/in/a.txt", RawDocument.ContentKind.TEXT, null, "x",
        "https://www.example.org/a", null, null, "Example");
    RawDocument withUrl = new RawDocument("a.txt", "/in/a.txt", RawDocument.ContentKind.TEXT, null, "x",
        "https://www.example.org/a", null, null, null);
    RawDocument inFolder = new RawDocument("courts/a.txt", "/data/pa/courts/a.txt", RawDocument.ContentKind.TEXT,
        null, "x", null, null, null, null);
    RawDocument jsonl = new RawDocument("42", "/data/feed.jsonl:7", RawDocument.ContentKind.TEXT, null, "x", null,
        null, null, null);
    assertThat(TemplateModel.defaultGroup(withSource)).isEqualTo("source:example");
    assertThat(TemplateModel.defaultGroup(withUrl)).isEqualTo("host:example.org");
    assertThat(TemplateModel.defaultGroup(inFolder)).isEqualTo("input:/data/pa/");
    assertThat(TemplateModel.defaultGroup(jsonl)).isEqualTo("input:/data/feed.jsonl");
  }

  @Test
  void builderRejectsImpossibleSettingsNamingThem() {
    assertThatThrownBy(() -> TemplateModel.builder().minDocuments(1)).hasMessageContaining("minDocuments")
        .hasMessageContaining("1");
    assertThatThrownBy(() -> TemplateModel.builder().minShare(1.5)).hasMessageContaining("minShare");
    assertThatThrownBy(() -> TemplateModel.builder().window(5).minDocuments(6).build())
        .hasMessageContaining("window (5)").hasMessageContaining("minDocuments (6)");
    assertThatThrownBy(() -> Extractor.builder().learnOnline(true).build())
        .hasMessageContaining("learnOnline requires templates");
  }
}
