package io.storyline.stories;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The small gazetteers shipped with Storyline: places (countries with demonyms, capitals, large cities, US states),
 * organisations, person titles and common given names. Lookups go by {@link AliasKey} so that spelling variants
 * ("al Qaida", "al-Qaeda") find the same entry. Immutable after loading; shared by all extractors.
 */
final class Gazetteer {
  static final Gazetteer SHIPPED = new Gazetteer();

  /** An entry: canonical name and type. */
  record Entry(String name, EntityType type) {}

  private final Map<String, Entry> exact = new HashMap<>();
  private final Map<String, Entry> byKey = new HashMap<>();
  private final Set<String> titles = new HashSet<>();
  private final Set<String> givenNames = new HashSet<>();
  private final int longestTitle;

  private Gazetteer() {
    load("places.txt", EntityType.PLACE);
    load("organisations.txt", EntityType.ORGANISATION);
    int longest = 1;
    for (String t : Lexicon.lines("titles.txt")) {
      titles.add(t.toLowerCase(Locale.ROOT));
      longest = Math.max(longest, t.split(" ").length);
    }
    longestTitle = longest;
    for (String w : Lexicon.words("first-names.txt")) {
      givenNames.add(w.toLowerCase(Locale.ROOT));
    }
  }

  private void load(String resource, EntityType type) {
    for (String line : Lexicon.lines(resource)) {
      List<String> names = List.of(line.split("\\|"));
      Entry entry = new Entry(names.get(0).strip(), type);
      for (String raw : names) {
        String n = raw.strip();
        if (isAcronym(n)) {
          exact.putIfAbsent(n, entry); // "US", "WHO", "IS": only in capitals, never the words "us", "who", "is"
        } else {
          exact.putIfAbsent(n.toLowerCase(Locale.ROOT), entry);
          byKey.putIfAbsent(AliasKey.of(n), entry);
        }
      }
    }
  }

  /**
   * The entry for a name, or {@code null}: an exact (case-folded) spelling first, then the alias key, so that a
   * listed spelling is never captured by the key of another entry (Amman and Oman share a frame).
   */
  Entry lookup(String name) {
    Entry e = exact.get(isAcronym(name) ? name : name.toLowerCase(Locale.ROOT));
    if (e != null || name.length() <= 3) {
      return e;
    }
    String key = AliasKey.of(name);
    return key.isEmpty() ? null : byKey.get(key);
  }

  private static boolean isAcronym(String n) {
    String letters = n.replace(".", "");
    return letters.length() <= 5 && letters.chars().allMatch(c -> Character.isUpperCase(c) || c == '-');
  }

  /** True when the lower-case words form a person title ("foreign minister"). */
  boolean isTitle(String lowerWords) {
    return titles.contains(lowerWords);
  }

  /** Longest title in words. */
  int longestTitle() {
    return longestTitle;
  }

  /** True for a common given name (lower case). */
  boolean isGivenName(String lower) {
    return givenNames.contains(lower);
  }
}
