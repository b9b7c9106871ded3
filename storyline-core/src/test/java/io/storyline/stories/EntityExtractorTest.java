package io.storyline.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EntityExtractorTest {
  private final EntityExtractor extractor = new EntityExtractor();

  private Map<String, Entity> byKey(String title, String body) {
    return extractor.extract(title, body).stream().collect(Collectors.toMap(Entity::key, Function.identity()));
  }

  @Test
  void splitsTitlesFromNamesAndTypesThePerson() {
    Map<String, Entity> e = byKey("", "Syrian Foreign Minister Walid al-Moualem met Russian President Vladimir "
        + "Putin in Sochi on Wednesday.");
    Entity moualem = e.get(AliasKey.of("Muallem"));
    assertThat(moualem).isNotNull();
    assertThat(moualem.type()).isEqualTo(EntityType.PERSON);
    assertThat(moualem.name()).isEqualTo("Walid al-Moualem");
    assertThat(e.get(AliasKey.of("Putin")).type()).isEqualTo(EntityType.PERSON);
    assertThat(e.get(AliasKey.of("Syria")).type()).isEqualTo(EntityType.PLACE);
    assertThat(e.get(AliasKey.of("Russia")).type()).isEqualTo(EntityType.PLACE);
    assertThat(e.get(AliasKey.of("Sochi")).type()).isEqualTo(EntityType.PLACE);
    assertThat(e.values()).extracting(Entity::name).doesNotContain("Foreign Minister", "President", "Wednesday");
  }

  @Test
  void linksSurnameToTheFullNameWithinADocument() {
    List<Entity> e = extractor.extract("Russia backs Syria's Assad", "Russia said it would support President "
        + "Bashar al-Assad. Lavrov said Moscow would keep supporting Assad, and al-Assad thanked him.");
    List<Entity> assad = e.stream().filter(x -> x.key().equals(AliasKey.of("Assad"))).toList();
    assertThat(assad).hasSize(1);
    assertThat(assad.get(0).name()).isEqualTo("Bashar al-Assad");
    assertThat(assad.get(0).type()).isEqualTo(EntityType.PERSON);
    assertThat(assad.get(0).mentions()).isEqualTo(4);
  }

  @Test
  void typesAlQaedaAsAnOrganisationWhateverTheSpelling() {
    for (String spelling : List.of("al-Qaida", "al Qaeda", "al-Qaeda")) {
      Map<String, Entity> e = byKey("", "Officials said " + spelling + " had claimed the attack.");
      assertThat(e).as(spelling).containsKey(AliasKey.of("al-Qaeda"));
      assertThat(e.get(AliasKey.of("al-Qaeda")).type()).as(spelling).isEqualTo(EntityType.ORGANISATION);
      assertThat(e.get(AliasKey.of("al-Qaeda")).name()).as(spelling).isEqualTo("al-Qaeda");
    }
  }

  @Test
  void ignoresCapitalisedCommonWordsOpeningASentence() {
    Map<String, Entity> e = byKey("", "Police said the man was arrested. However, officers in Leeds declined to "
        + "comment.");
    assertThat(e.values()).extracting(Entity::name).containsExactly("Leeds");
  }

  @Test
  void readsNamesFromATitleCaseHeadlineOnly() {
    List<Entity> e = extractor.extract("Men's Wearhouse To Acquire Jos. A. Bank For $1.8 Billion", "");
    assertThat(e).extracting(Entity::name).anyMatch(n -> n.contains("Jos")).anyMatch(n -> n.contains("Men"));
    assertThat(e).extracting(Entity::name).noneMatch(n -> n.contains("To") || n.contains("Acquire")
        || n.contains("For"));
  }

  @Test
  void skipsAllCapitalWireHeadlines() {
    assertThat(extractor.extract("AL FAYED FAILS TO BLOCK HAMILTON LIBEL ACTION", "")).isEmpty();
  }
}
