package io.storyline.stories;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Named entities (people, places, organisations) without a statistical NER model.
 *
 * <p>Method: OpenNLP sentence splitter, tokenizer and part-of-speech tagger (Apache-2.0 UD-EWT models, 1.3.0) give
 * tokens and universal tags. A name is a maximal run of capitalised tokens that are not stop words, joined by the
 * connectors of names ({@code al-, bin, de, van, of, &}); a capitalised word opening a sentence counts only when it
 * is tagged PROPN or is known to the gazetteer. All-capital sentences (wire headlines) are skipped: case carries no
 * signal there. In a title-case headline only PROPN-tagged words count. Tagging is the costly step, so a body
 * sentence is tagged only when its first word is capitalised, unknown and never capitalised inside a sentence of
 * the same document (document-level case evidence decides the rest; this cut feature time by two thirds). Person titles inside or before a run split
 * it and type what follows as a PERSON ("Syrian | Foreign Minister | Walid al-Moualem" gives Syria and a person).
 * Types come from cues, strongest first: the shipped gazetteer (exact spelling, then {@link AliasKey}), a title
 * before the name, a common given name first, an organisation word last ("Bank", "Party", "Inc"), a place
 * preposition before a single word ("in Sochi"); else OTHER. Demonyms resolve to their country.
 *
 * <p>Keys: a person is keyed by the consonant frame of the surname, everything else by the frames of all words, so
 * a bare "Assad" after "Bashar al-Assad" and "al-Moualem"/"Muallem" meet (within a document and, since stories
 * aggregate keys, across a story). Only the first {@value #MAX_SENTENCES} sentences of a body are read: news puts
 * its names in the lead, and tagging costs about a third of the feature time.
 *
 * <p>Not thread-safe (OpenNLP taggers keep state): one instance per thread; the models are shared.
 */
final class EntityExtractor {
  static final int MAX_SENTENCES = 30;

  private static final Set<String> CONNECTORS =
      Set.of("al", "el", "bin", "ibn", "abu", "de", "van", "von", "der", "da", "di", "of", "-", "&", "al-", "el-");
  private static final Set<String> ORG_WORDS = Set.of("inc", "corp", "corporation", "ltd", "plc", "llc", "co",
      "company", "group", "bank", "party", "council", "ministry", "agency", "university", "college", "association",
      "committee", "commission", "court", "police", "airlines", "airways", "army", "front", "brigade", "union",
      "foundation", "institute", "times", "post", "news", "journal", "network", "club", "fc", "united", "league",
      "department", "office", "authority", "service", "services", "organisation", "organization", "federation",
      "motors", "holdings", "industries", "systems", "technologies", "labs", "studios", "records", "entertainment");
  /** An Arabic article joined to a name ("al-Assad"); compiled once, it is tried on every token. */
  private static final java.util.regex.Pattern ARABIC_ARTICLE =
      java.util.regex.Pattern.compile("(al|el|ad|an|ar|as|ash|at|az)-\\p{L}+");
  private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "from", "near", "to", "across");
  private static final Set<String> CALENDAR = Set.of("january", "february", "march", "april", "may", "june", "july",
      "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
      "sep", "sept", "oct", "nov", "dec", "christmas", "easter");

  private final SentenceDetectorME sentences = new SentenceDetectorME(Models.SENTENCE);
  private final TokenizerME tokenizer = new TokenizerME(Models.TOKENS);
  private final POSTaggerME tagger = new POSTaggerME(Models.POS);
  private final Gazetteer gazetteer = Gazetteer.SHIPPED;

  /**
   * Recent tokenisations and tags by sentence. Tokenising and tagging a sentence depends on the sentence alone, and
   * copies of one wire story (and their partial takes) repeat most sentences, so a stream asks for the same
   * sentences again: cached, the answers are identical and cost a lookup. {@value #CACHE_ENTRIES} entries each,
   * least recently used dropped; about 4 MB per extractor.
   */
  static final int CACHE_ENTRIES = 8192;

  private final Map<String, String[]> tokenCache = lru();
  private final Map<String, String[]> tagCache = lru();

  private static Map<String, String[]> lru() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
        return size() > CACHE_ENTRIES;
      }
    };
  }

  /** The tokens of one sentence (a cached array: not to be modified). */
  private String[] tokens(String sentence) {
    String[] t = tokenCache.get(sentence);
    if (t == null) {
      t = tokenizer.tokenize(sentence);
      tokenCache.put(sentence, t);
    }
    return t;
  }

  /** The part-of-speech tags of one tokenised sentence (a cached array: not to be modified). */
  private String[] tags(String[] tokens) {
    String key = String.join("\u0000", tokens);
    String[] t = tagCache.get(key);
    if (t == null) {
      t = tagger.tag(tokens);
      tagCache.put(key, t);
    }
    return t;
  }

  /** Entities of a headline and body (either may be empty), merged by key, in order of first mention. */
  List<Entity> extract(String title, String body) {
    Map<String, Entity> byKey = new LinkedHashMap<>();
    List<String[]> sentenceTokens = new ArrayList<>();
    if (body != null && !body.isBlank()) {
      String[] sents = sentences.sentDetect(body);
      for (int i = 0; i < Math.min(sents.length, MAX_SENTENCES); i++) {
        sentenceTokens.add(tokens(sents[i]));
      }
    }
    Set<String> capitalisedInside = new HashSet<>();
    for (String[] tokens : sentenceTokens) {
      for (int i = 1; i < tokens.length; i++) {
        String w = strip(tokens[i]);
        if (!w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !isAllCaps(tokens)) {
          capitalisedInside.add(w);
        }
      }
    }
    if (title != null && !title.isBlank()) {
      String[] tokens = tokens(title);
      sentence(tokens, isTitleCase(tokens), capitalisedInside, byKey);
    }
    for (String[] tokens : sentenceTokens) {
      sentence(tokens, false, capitalisedInside, byKey);
    }
    return List.copyOf(byKey.values());
  }

  private void sentence(String[] tokens, boolean titleCase, Set<String> capitalisedInside, Map<String, Entity> out) {
    if (tokens.length == 0 || isAllCaps(tokens)) {
      return;
    }
    // Tags are needed only where case is ambiguous: a Title Case headline, or a capitalised unknown first word.
    String[] tags = titleCase || ambiguousStart(tokens, capitalisedInside) ? tags(tokens) : null;
    int i = 0;
    while (i < tokens.length) {
      if (!isNamePart(tokens, tags, i, titleCase, capitalisedInside)) {
        i++;
        continue;
      }
      int end = i + 1;
      boolean possessive = tokens[i].endsWith("'s") || tokens[i].endsWith("’s");
      while (end < tokens.length && !possessive) {
        if (isNamePart(tokens, tags, end, titleCase, capitalisedInside)) {
          possessive = tokens[end].endsWith("'s") || tokens[end].endsWith("’s");
          end++;
          continue;
        }
        int j = end;
        while (j < tokens.length && CONNECTORS.contains(tokens[j].toLowerCase(Locale.ROOT))) {
          j++;
        }
        if (j > end && j < tokens.length && isNamePart(tokens, tags, j, titleCase, capitalisedInside)) {
          end = j;
          continue;
        }
        break;
      }
      span(tokens, i, end, out);
      i = end;
    }
  }

  private boolean ambiguousStart(String[] tokens, Set<String> capitalisedInside) {
    int first = start(tokens);
    if (first >= tokens.length) {
      return false;
    }
    String w = strip(tokens[first]);
    String lower = w.toLowerCase(Locale.ROOT);
    return !w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !Terms.isStopWord(lower)
        && !capitalisedInside.contains(w) && gazetteer.lookup(w) == null && !gazetteer.isGivenName(lower)
        && !capitalisedWordFollows(tokens, first);
  }

  /** Index of the first word of a sentence (after opening quotes and brackets). */
  private static int start(String[] tokens) {
    int i = 0;
    while (i < tokens.length && !tokens[i].isEmpty() && !Character.isLetterOrDigit(tokens[i].charAt(0))) {
      i++;
    }
    return i;
  }

  /** One run of name tokens [from, to): split at titles, type and record. */
  private void span(String[] tokens, int from, int to, Map<String, Entity> out) {
    String whole = join(tokens, from, to);
    Gazetteer.Entry known = gazetteer.lookup(whole);
    if (known != null) {
      add(out, known.name(), known.type(), known.name());
      return;
    }
    boolean personCue = titleBefore(tokens, from);
    int start = from;
    for (int j = from; j < to; j++) {
      int len = titleAt(tokens, j, to);
      if (len > 0) {
        if (j > start) {
          typed(tokens, start, j, personCue, out);
        }
        start = j + len;
        j = start - 1;
        personCue = true;
      }
    }
    if (start < to) {
      typed(tokens, start, to, personCue, out);
    }
  }

  private void typed(String[] tokens, int from, int to, boolean personCue, Map<String, Entity> out) {
    while (from < to && CONNECTORS.contains(tokens[from].toLowerCase(Locale.ROOT))) {
      from++;
    }
    while (to > from && CONNECTORS.contains(tokens[to - 1].toLowerCase(Locale.ROOT))) {
      to--;
    }
    if (from >= to) {
      return;
    }
    String name = join(tokens, from, to);
    Gazetteer.Entry known = gazetteer.lookup(name);
    if (known != null && !(personCue && known.type() == EntityType.ORGANISATION)) {
      add(out, known.name(), known.type(), known.name());
      return;
    }
    String first = strip(tokens[from]).toLowerCase(Locale.ROOT);
    String last = strip(tokens[to - 1]).toLowerCase(Locale.ROOT);
    EntityType type;
    if (personCue || (to - from > 1 && gazetteer.isGivenName(first))) {
      type = EntityType.PERSON;
    } else if (ORG_WORDS.contains(last)) {
      type = EntityType.ORGANISATION;
    } else if (to - from == 1 && from > 0 && PLACE_PREPOSITIONS.contains(tokens[from - 1].toLowerCase(Locale.ROOT))) {
      type = EntityType.PLACE;
    } else {
      type = EntityType.OTHER;
    }
    add(out, name, type, name);
  }

  private void add(Map<String, Entity> out, String name, EntityType type, String surface) {
    String key = type == EntityType.PERSON ? AliasKey.surname(name) : AliasKey.of(name);
    if (key.isEmpty() || key.length() < 2) {
      return;
    }
    Entity prior = out.get(key);
    if (prior == null) {
      out.put(key, new Entity(key, surface, type, 1));
      return;
    }
    EntityType t = prior.type() == EntityType.OTHER ? type : prior.type();
    String n = surface.length() > prior.name().length() ? surface : prior.name();
    out.put(key, new Entity(key, n, t, prior.mentions() + 1));
  }

  private boolean isNamePart(String[] tokens, String[] tags, int i, boolean titleCase,
      Set<String> capitalisedInside) {
    String raw = tokens[i];
    String word = strip(raw);
    if (word.isEmpty()) {
      return false;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    boolean arabicArticle = ARABIC_ARTICLE.matcher(lower).matches() && word.length() > 4
        && Character.isUpperCase(word.charAt(word.indexOf('-') + 1));
    if (!arabicArticle && !Character.isUpperCase(word.charAt(0))) {
      return false;
    }
    if (Terms.isStopWord(lower) || CALENDAR.contains(lower) || word.length() < 2 && !arabicArticle) {
      return false;
    }
    boolean proper = tags != null && tags[i].startsWith("PROPN");
    if (titleCase) {
      return proper;
    }
    if (i != start(tokens)) {
      return true;
    }
    return proper || capitalisedInside.contains(word) || gazetteer.lookup(word) != null
        || gazetteer.isGivenName(lower) || capitalisedWordFollows(tokens, i);
  }

  /** "Flappy Bird creator ...": a capitalised first word directly followed by another one starts a name. */
  private static boolean capitalisedWordFollows(String[] tokens, int i) {
    if (i + 1 >= tokens.length) {
      return false;
    }
    String next = strip(tokens[i + 1]);
    return next.length() > 1 && Character.isUpperCase(next.charAt(0))
        && !Terms.isStopWord(next.toLowerCase(Locale.ROOT));
  }

  private boolean titleBefore(String[] tokens, int from) {
    for (int len = 1; len <= gazetteer.longestTitle() && from - len >= 0; len++) {
      if (gazetteer.isTitle(join(tokens, from - len, from).toLowerCase(Locale.ROOT).replace(".", ""))) {
        return true;
      }
    }
    return false;
  }

  /** Length in tokens of the longest title starting at {@code j} (within the run), else 0. */
  private int titleAt(String[] tokens, int j, int to) {
    for (int len = Math.min(gazetteer.longestTitle(), to - j); len >= 1; len--) {
      if (gazetteer.isTitle(join(tokens, j, j + len).toLowerCase(Locale.ROOT).replace(".", ""))) {
        return len;
      }
    }
    return 0;
  }

  private static String join(String[] tokens, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int k = from; k < to; k++) {
      String t = strip(tokens[k]);
      if (b.length() > 0 && !t.equals("-") && !(k > from && tokens[k - 1].equals("-"))) {
        b.append(' ');
      }
      b.append(t);
    }
    return b.toString();
  }

  private static String strip(String token) {
    if (token.endsWith("'s") || token.endsWith("’s")) {
      return token.substring(0, token.length() - 2);
    }
    if (token.endsWith("'") || token.endsWith("’")) {
      return token.substring(0, token.length() - 1);
    }
    return token;
  }

  private static boolean isAllCaps(String[] tokens) {
    int upper = 0;
    int letters = 0;
    for (String t : tokens) {
      for (int k = 0; k < t.length(); k++) {
        char c = t.charAt(k);
        if (Character.isLetter(c)) {
          letters++;
          if (Character.isUpperCase(c)) {
            upper++;
          }
        }
      }
    }
    return letters >= 8 && upper > 0.8 * letters;
  }

  /** A headline in Title Case: most words of four letters or more start with a capital. */
  static boolean isTitleCase(String[] tokens) {
    int long4 = 0;
    int capital = 0;
    for (String t : tokens) {
      if (t.length() >= 4 && Character.isLetter(t.charAt(0))) {
        long4++;
        if (Character.isUpperCase(t.charAt(0))) {
          capital++;
        }
      }
    }
    return long4 >= 3 && capital >= 0.7 * long4;
  }

  /** The OpenNLP models, loaded once from the model jars on the class path. */
  private static final class Models {
    static final SentenceModel SENTENCE = load("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
    static final TokenizerModel TOKENS = load("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);
    static final POSModel POS = load("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin", POSModel::new);

    interface Loader<T> {
      T load(InputStream in) throws IOException;
    }

    static <T> T load(String resource, Loader<T> loader) {
      try (InputStream in = EntityExtractor.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("OpenNLP model " + resource + " is not on the class path; add the "
              + "org.apache.opennlp:opennlp-models-{sentdetect,tokenizer,pos}-en:1.3.0 dependencies");
        }
        return loader.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load OpenNLP model " + resource, e);
      }
    }
  }
}
