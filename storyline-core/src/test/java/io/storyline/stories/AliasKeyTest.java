package io.storyline.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AliasKeyTest {

  @Test
  void mergesTransliterationsOfMoualem() {
    assertThat(AliasKey.of("Moualem")).isEqualTo(AliasKey.of("Muallem")).isEqualTo(AliasKey.of("al-Moualem"))
        .isEqualTo(AliasKey.surname("Walid al-Moualem"));
  }

  @Test
  void mergesSpellingsOfAlQaeda() {
    assertThat(AliasKey.of("al-Qaida")).isEqualTo(AliasKey.of("al Qaeda")).isEqualTo(AliasKey.of("al-Qaeda"))
        .isEqualTo(AliasKey.of("Al-Qaeda's"));
  }

  @Test
  void linksAssadToItsFullNameBySurname() {
    assertThat(AliasKey.of("Assad")).isEqualTo(AliasKey.of("al-Assad")).isEqualTo(AliasKey.surname("Bashar al-Assad"))
        .isEqualTo(AliasKey.surname("Bashar Assad"));
  }

  @Test
  void keepsDifferentNamesApart() {
    assertThat(AliasKey.of("Putin")).isNotEqualTo(AliasKey.of("Lavrov"));
    assertThat(AliasKey.of("Assad")).isNotEqualTo(AliasKey.of("Asda"));
    assertThat(AliasKey.of("Syria")).isNotEqualTo(AliasKey.of("Serbia"));
    assertThat(AliasKey.of("Iran")).isNotEqualTo(AliasKey.of("Iraq"));
  }

  @Test
  void keepsAParticleThatIsTheWholeName() {
    assertThat(AliasKey.of("Al")).isNotEmpty();
    assertThat(AliasKey.of("al-")).isNotEmpty();
  }
}
