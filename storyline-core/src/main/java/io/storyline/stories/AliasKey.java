package io.storyline.stories;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Spelling-tolerant keys for names, so that transliteration variants of one name meet.
 *
 * <p>Method: fold accents and case; drop possessives; split on spaces and hyphens; drop Arabic article particles
 * ({@code al, el, ad, an, ar, as, ash, at, az}) and the Dutch/German/French/Spanish/Italian particles
 * ({@code van, von, der, de, da, di, la, le}) when another word follows; then for each word build a
 * <em>consonant frame</em>: {@code ph→f, ck→k, q→k, c→k} (except in {@code ch}), {@code dh→d, kh→k, gh→g},
 * {@code y} between consonants acts as a vowel, every run of vowels becomes one {@code a}, and doubled consonants
 * collapse. Transliterations of Arabic and Russian names mostly differ in vowels, doubling and these consonant
 * pairs, which the frame removes, while distinct names keep distinct frames:
 * <pre>
 *   Moualem, Muallem, al-Moualem          → malam
 *   al-Qaida, al Qaeda, al-Qaeda          → kada
 *   Assad, al-Assad, (Bashar al-)Assad    → asad
 *   Gaddafi, Qaddafi, Kadhafi             → gadafa / kadafa (g and k stay apart on purpose: Gordon ≠ Kordon)
 * </pre>
 * A person is also keyed by the frame of the last name alone ({@link #surname}) so that "Bashar al-Assad" and a later
 * bare "Assad" link within a document and across a story (the usual news style: full name first, surname after).
 */
final class AliasKey {
  // compiled once: keys are made for every entity mention
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b");
  private static final Pattern PUNCTUATION = Pattern.compile("[.'’`]");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Set<String> PARTICLES =
      Set.of("al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ibn", "bin", "abu",
          "van", "von", "der", "den", "de", "da", "di", "du", "la", "le", "the");

  private AliasKey() {}

  /** Key of a whole name: the frames of its words joined by spaces; empty when nothing is left. */
  static String of(String name) {
    return String.join(" ", frames(name));
  }

  /** Key of the last word of a name (the surname of a person); empty when nothing is left. */
  static String surname(String name) {
    List<String> f = frames(name);
    return f.isEmpty() ? "" : f.get(f.size() - 1);
  }

  /** Frames of the words of a name, particles dropped. */
  static List<String> frames(String name) {
    String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    folded = PUNCTUATION.matcher(POSSESSIVE.matcher(folded).replaceAll("")).replaceAll("");
    String[] words = NON_WORD.split(folded);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (w.isEmpty()) {
        continue;
      }
      boolean more = false;
      for (int j = i + 1; j < words.length; j++) {
        if (!words[j].isEmpty()) {
          more = true;
          break;
        }
      }
      if (more && PARTICLES.contains(w)) {
        continue;
      }
      kept.add(frame(w));
    }
    return kept;
  }

  /** The consonant frame of one lower-case word. */
  static String frame(String w) {
    String s = w.replace("ph", "f").replace("ck", "k").replace("dh", "d").replace("kh", "k").replace("gh", "g")
        .replace("ch", "\u0001").replace('q', 'k').replace('c', 'k').replace('\u0001', 'c');
    StringBuilder out = new StringBuilder(s.length());
    char last = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean vowel = isVowel(c) || (c == 'y' && i > 0 && !isVowel(s.charAt(i - 1)) && i + 1 < s.length()
          && !isVowel(s.charAt(i + 1)));
      char k = vowel ? 'a' : c;
      if (k != last) {
        out.append(k);
      }
      last = k;
    }
    return out.toString();
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
