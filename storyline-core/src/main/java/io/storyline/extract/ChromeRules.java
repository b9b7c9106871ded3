package io.storyline.extract;

import io.storyline.internal.Agencies;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Local rules: what one unit is by its own text, before its neighbours are considered. Each rule is a generic
 * surface feature of a kind of chrome, never a string of one site: counters, UI vocabulary, photo-credit
 * parentheses, reporting credits, date stamps, appeal vocabulary combined with first/second-person address, a
 * byline's shape. Context rules (teaser runs, galleries, appeal boxes, headings that only introduce chrome) are in
 * {@link TextArticleExtractor}.
 */
final class ChromeRules {

  private static final int I = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  static final Pattern COUNTER = Pattern.compile(
      "^(?:(?:image|photo|picture|slide|bild|foto)\\s+)?\\(?\\s*\\d{1,3}\\s*(?:of|/|von|de|sur)\\s*\\d{1,3}\\s*\\)?$", I);

  /** Words of page furniture: a short line made only of these is a control, not text. */
  private static final Set<String> UI_WORDS = Set.of(
      "open", "close", "image", "images", "modal", "photo", "photos", "gallery", "slideshow", "enlarge", "expand",
      "collapse", "view", "fullscreen", "full", "screen", "next", "previous", "prev", "back", "top", "share",
      "shares", "tweet", "email", "e-mail", "print", "comment", "comments", "save", "copy", "link", "facebook",
      "twitter", "whatsapp", "linkedin", "pinterest", "reddit", "more", "read", "show", "hide", "load", "see",
      "all", "click", "here", "to", "this", "article", "story", "skip", "content", "menu", "search",
      "advertisement", "advert", "ad", "ads", "sponsored", "continue", "reading", "related", "play", "video",
      "watch", "listen", "audio", "sign", "in", "log", "login", "the", "on", "of", "a", "and", "x", "caption",
      "toggle", "zoom", "download", "embed", "follow", "us", "like", "home", "up", "down", "left", "right",
      "options", "settings", "cookie", "cookies", "accept", "agree", "stories", "articles", "news", "latest");
  private static final Set<String> UI_GALLERY = Set.of(
      "image", "images", "photo", "photos", "gallery", "slideshow", "modal", "enlarge", "zoom", "caption",
      "fullscreen");
  /** UI words too common in real text to make a line a control on their own. */
  private static final Set<String> UI_FUNCTION = Set.of(
      "to", "this", "the", "on", "of", "a", "and", "all", "in", "up", "down", "left", "right", "us", "more", "like",
      "x", "full", "top", "back", "next", "news", "latest", "stories", "articles", "see");

  /** Splits a short line into words, and trims a word's punctuation (compiled once: every short unit is tested). */
  private static final Pattern UI_SEPARATORS = Pattern.compile("[\\s|\u2022\u00b7/>\u203a\u00bb:]+");
  private static final Pattern UI_WORD_EDGES = Pattern.compile("^[^\\p{L}\\d]+|[^\\p{L}\\d]+$");

  /**
   * A photo credit at the end of a unit: "(Photo by X/Getty Images)", "(AP Photo/X)", "(credit:X)". Split in two so
   * that neither is tried at every position of a long paragraph: the parenthesised forms are searched from the first
   * "(", the others only when "photo" occurs.
   */
  private static final Pattern CAPTION_PAREN = Pattern.compile(
      "\\((?:[^()]*\\b(?:photo|photos|photograph|picture|pic|image|foto|bild)\\b[^()]*)\\)\\s*(?:\\(credit:[^()]*\\)\\s*)?$"
          + "|\\(credit:[^()]*\\)"
          + "|\\((?:[^()]*/)\\s*(?:getty images|shutterstock|reuters|afp|epa|ap|dpa|picture[- ]alliance|alamy|"
          + "anadolu agency|sipa|xinhua|imago)[^()]*\\)\\s*$", I);
  private static final Pattern CAPTION_WORDS = Pattern.compile(
      "photo credit should read|\\bphotograph:\\s*\\S.{0,80}$", I);
  /** A caption label at the start: "Photo: ...", "Image credit: ...". */
  private static final Pattern CAPTION_START = Pattern.compile(
      "^(?:photo|photograph|image|picture|foto|bild)s?(?:\\s+credit)?\\s*:", I);

  private static final Pattern STAMP = Pattern.compile(
      "^(?:last\\s+updated?|updated?|published|posted|first\\s+published|date|created|modified|stand|"
          + "aktualisiert|ver\u00f6ffentlicht|mis \u00e0 jour|publi\u00e9(?: le)?|actualizado|publicado)\\b"
          + "\\s*(?:on|at|:)?[^\\p{L}]{0,3}.{0,60}\\d", I);

  /** Reporting credits and copyright lines; what may stand anywhere is apart, tried only when its word occurs. */
  private static final Pattern CREDIT_START = Pattern.compile(
      "[\\(\\[]?\\s*(?:additional\\s+)?(?:reporting|writing|editing|edited|compiled|research|translated|"
          + "translation|produced|graphics|written)\\s+by\\b"
          + "|(?:\u00a9|\\(c\\)\\s|copyright\\b)"
          + "|(?:this|the)\\s+(?:article|story|piece)\\s+(?:was\\s+)?(?:originally|first)\\s+(?:published|appeared)",
      I);
  private static final Pattern CREDIT_ANYWHERE = Pattern.compile(
      "\\ball rights reserved\\b|\\bcontributed(?:\\s+reporting)?\\s+to\\s+this\\s+(?:report|story|article)\\.?$", I);
  private static final Pattern SOURCE = Pattern.compile("^(?:source|sources|quelle|fuente)s?:\\s", I);

  /** Agency-only credit: "(AP)", "-- AFP", "AFP/dpa", "jbh/rc (AP, dpa, Reuters)". */
  static final Pattern AGENCY_CREDIT = Pattern.compile(
      "^(?:[-\u2013\u2014]+\\s*)?[\\(\\[]?\\s*(?:" + Agencies.ALTERNATION + ")(?:\\s*[,/&]\\s*(?:"
          + Agencies.ALTERNATION + "))*\\s*[\\)\\]]?$"
          + "|^[a-z]{1,4}(?:/[a-z]{1,4})+\\s*\\(([^()]{2,60})\\)$", I);

  private static final Pattern NOTE = Pattern.compile("^\\([^()]{1,120}\\)$|^embargoed\\b", I);
  private static final Pattern SIGN_OFF = Pattern.compile("^(?:[A-Za-z]{1,5}|#+|-+\\s*30\\s*-+)$");
  private static final Pattern TEASER_LEAD = Pattern.compile(
      "^(?:read more|read also|also read|see also|related|more on this|recommended|watch|listen|most read|"
          + "lesen sie auch|mehr zum thema|lire aussi|\u00e0 lire aussi|leer m\u00e1s)\\s*:\\s*\\S", I);

  static final Pattern BYLINE = Pattern.compile(
      "^(?:by|von|par|por|door|av)\\s+(?!(?:the|a|an|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
          + "january|february|march|april|may|june|july|august|september|october|november|december|\\d)\\b)"
          + "\\p{Lu}", I);

  /** An imperative appeal ("Support The Moscow Times!", "Subscribe now"); not "Support for ..." or "Support grows". */
  private static final Pattern IMPERATIVE = Pattern.compile(
      "^(?:support|donate|subscribe|contribute|give|join us|become a (?:member|subscriber|supporter|patron)|"
          + "sign up|chip in|make a (?:gift|donation|contribution))\\b(?!\\s+(?:for|of|from|to|in|on|at|as|is|was|"
          + "were|has|had|grows|grew|rises|rose|falls|fell|wanes|builds|surges|slips|drops|among|behind)\\b)", I);

  private static final Pattern APPEAL_CUE = Pattern.compile(
      "\\bdonat(?:e|es|ed|ion|ions|ing)\\b|\\bsubscri(?:be|bes|ption|ptions|ber|bers|bing)\\b"
          + "|\\b(?:your|a|make a|every) contribution\\b|\\bcontribute (?:now|today|to us|to our)\\b"
          + "|\\bbecome a (?:member|subscriber|supporter|patron)\\b|\\bmembership\\b|\\bsign up\\b|\\bnewsletters?\\b"
          + "|\\bpaywalls?\\b|\\bfree for (?:everyone|all|every reader)\\b|\\bfree press\\b"
          + "|\\bkeep (?:our|the|this) (?:news|journalism|reporting|site|coverage) free\\b"
          + "|\\b(?:your|reader|readers') support\\b|\\bsupport (?:us|our work|our journalism|independent journalism)\\b"
          + "|\\byour help\\b|\\bneeds? (?:you|your)\\b|\\bthank you for (?:your support|reading|supporting)\\b"
          + "|\\bchip in\\b|\\bone-time\\b|\\b(?:independent|quality|public-interest) journalism\\b"
          + "|\\bour (?:journalism|journalists|reporters|newsroom|reporting|mission|coverage)\\b"
          + "|\\b(?:reader|member)-(?:funded|supported)\\b|\\bas little as\\b|\\bwe rely on\\b", I);
  /** A consent banner: cookies, the reader addressed, a request or a policy, and the site's use of them. */
  private static final Pattern COOKIES = Pattern.compile(
      "\\bcookies?\\b(?=.*\\b(?:we|you|your)\\b)(?=.*\\b(?:accept|agree|consent|policy|settings|preferences|"
          + "continuing|experience)\\b)(?=.*\\b(?:use|uses|site|website|browse|browsing|browser)\\b)", I);
  /** What may stand beside a date on a bare date line: weekdays, times, zones, separators. */
  private static final Pattern DATE_LINE_REST = Pattern.compile(
      "\\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\b\\.?"
          + "|\\b\\d{1,2}[:.h]\\d{2}(?::\\d{2})?\\b|\\b(?:am|pm|a\\.m\\.|p\\.m\\.|utc|gmt|bst|cet|cest|et|est|edt|"
          + "pt|pst|pdt|ct|cst|cdt|ist|jst|msk|uhr)\\b|[-|,/\u2013\u2014:()]", I);
  private static final Pattern WE = Pattern.compile("\\b(?:we|we'll|we're|we've|our|us)\\b", I);
  private static final Pattern YOU = Pattern.compile("\\b(?:you|your|you're|you'll)\\b", I);
  private static final Pattern SPEECH = Pattern.compile(
      "\\b(?:said|says|told|according to|asked|added)\\b|[\"\u201C\u201D]", I);

  private ChromeRules() {}

  /**
   * The chrome kind of one unit by its own text, or {@code null} when it may be content.
   *
   * @param siteNames lower-cased, letters-and-digits-only names of the site (outlet, host label), may be empty
   */
  static Chrome classify(Block b, Set<String> siteNames) {
    return classify(b, siteNames, false);
  }

  /**
   * What {@link #classify} says of a unit when that is one of the kinds metadata reads (timestamp, credit, caption)
   * or a kind tested before them; {@code null} where {@link #classify} would go on to the costlier teaser, appeal
   * and cookie rules. For text a page's DOM stage already judged to be content: the labels are evidence for
   * {@link MetadataFinder}, not removals, and the appeal rules took a fifth of the HTML front door's time.
   */
  static Chrome evidence(Block b, Set<String> siteNames) {
    return classify(b, siteNames, true);
  }

  private static Chrome classify(Block b, Set<String> siteNames, boolean evidenceOnly) {
    String t = b.text;
    if (!hasLetterOrDigit(t)) {
      return Chrome.SEPARATOR;
    }
    if (b.words <= 4 && COUNTER.matcher(t).matches()) {
      return Chrome.GALLERY;
    }
    Chrome ui = uiControl(b);
    if (ui != null) {
      return ui;
    }
    if (b.words <= 8 && siteNames.contains(squash(t))) {
      return Chrome.SITE_NAME;
    }
    if (b.words <= 60
        && (mayBeCaption(t) && captionEnd(tail(t)) || CAPTION_START.matcher(t).lookingAt())) {
      return Chrome.CAPTION;
    }
    if (b.words <= 14 && !b.prose && (STAMP.matcher(t).lookingAt() || onlyDate(t))) {
      return Chrome.TIMESTAMP;
    }
    if (b.words <= 60 && (CREDIT_START.matcher(t).lookingAt()
        || (containsIgnoreCase(t, "reserved") || containsIgnoreCase(t, "contributed"))
        && CREDIT_ANYWHERE.matcher(t).find())) {
      return Chrome.CREDIT;
    }
    if (b.words <= 8 && SOURCE.matcher(t).lookingAt() || b.words <= 12 && AGENCY_CREDIT.matcher(t).matches()) {
      return Chrome.CREDIT;
    }
    if (evidenceOnly) {
      return null;
    }
    if (b.words <= 20 && TEASER_LEAD.matcher(t).lookingAt()) {
      return Chrome.TEASER;
    }
    if (isAppeal(b)) {
      return Chrome.APPEAL;
    }
    if (b.words <= 60 && !SPEECH.matcher(t).find() && COOKIES.matcher(t).find()) {
      return Chrome.NAVIGATION;
    }
    return null;
  }

  /** A line that is only a date (with weekday, time, zone): "Tue, 17/05/2016 - 19:42", "November 26, 2014". */
  static boolean onlyDate(String t) {
    List<DateFinder.Found> found = DateFinder.find(t);
    if (found.isEmpty()) {
      return false;
    }
    DateFinder.Found f = found.get(0);
    String rest = t.substring(0, f.start()) + " " + t.substring(f.end());
    return !hasLetterOrDigit(DATE_LINE_REST.matcher(rest).replaceAll(" "));
  }

  /** A wire service note: a short line wholly in parentheses, or an embargo line. Used before the body only. */
  static boolean isNote(Block b) {
    return b.words <= 20 && NOTE.matcher(b.text).find();
  }

  /** A sign-off token ("end", "mfl", "ENDS", "###", "-30-"). Used at the very end only. */
  static boolean isSignOff(Block b) {
    return b.words == 1 && SIGN_OFF.matcher(b.text).matches() || "-30-".equals(b.text);
  }

  /** A byline line: "By" + capitalised names, optionally ", Title, Agency"; short, not a sentence. */
  static boolean isByline(Block b) {
    if (b.words < 2 || b.words > 16 || !BYLINE.matcher(b.text).lookingAt()) {
      return false;
    }
    String t = Block.stripClosers(b.text);
    if (t.endsWith(".") && !t.matches(".*\\b\\p{Lu}\\.$")) {
      return false;
    }
    int names = 0;
    int capital = 0;
    String[] words = t.split("[\\s,|/]+");
    for (int i = 1; i < words.length; i++) {
      String w = words[i];
      if (w.isEmpty() || w.matches("(?i)and|und|et|y|e|&|of|the|de|da|van|von|der|del|la|le|al|bin|news|for")) {
        continue;
      }
      names++;
      if (Character.isUpperCase(w.codePointAt(0))) {
        capital++;
      }
    }
    return names >= 1 && capital >= 0.75 * names;
  }

  /** Appeal by its own text; see the class comment of {@link TextArticleExtractor} for the thresholds. */
  static boolean isAppeal(Block b) {
    String t = b.text;
    if (b.words <= 8 && IMPERATIVE.matcher(t).lookingAt()) {
      return true;
    }
    int cues = distinctCues(t);
    if (cues == 0) {
      return false;
    }
    boolean speech = SPEECH.matcher(t).find();
    boolean we = WE.matcher(t).find();
    boolean you = YOU.matcher(t).find();
    if (b.words <= 12) {
      return !speech && (we || you || t.endsWith("!"));
    }
    return !speech && (cues >= 3 || (cues >= 2 && we));
  }

  /** A weaker appeal: enough to continue an appeal box next to a clear appeal. */
  static boolean continuesAppeal(Block b) {
    if (b.isChrome() && b.chrome != Chrome.APPEAL) {
      return false;
    }
    String t = b.text;
    boolean speech = SPEECH.matcher(t).find();
    if (speech) {
      return false;
    }
    return distinctCues(t) >= 1 || (WE.matcher(t).find() && YOU.matcher(t).find())
        || (b.headingLike && b.words <= 8 && !b.title);
  }

  private static int distinctCues(String t) {
    if (!mayHaveCue(t.toLowerCase(Locale.ROOT))) {
      return 0;
    }
    Matcher m = APPEAL_CUE.matcher(t);
    Set<String> seen = new HashSet<>();
    while (m.find()) {
      seen.add(m.group().toLowerCase(Locale.ROOT));
    }
    return seen.size();
  }

  /**
   * Cheap filter before {@link #APPEAL_CUE}: every cue contains one of these stems. A long alternation of
   * word-bounded phrases is slow in java.util.regex (each position tries each branch); most paragraphs have no
   * stem at all. Measured: extraction of the METER texts 1.6 times faster.
   */
  private static final String[] CUE_STEMS = {"donat", "subscri", "contribut", "become a", "membership", "sign up",
      "newsletter", "paywall", "free", "support", "your help", "need", "thank you", "chip in", "one-time",
      "journalis", "our ", "-funded", "-supported", "as little as", "we rely"};

  private static boolean mayHaveCue(String lower) {
    for (String stem : CUE_STEMS) {
      if (lower.contains(stem)) {
        return true;
      }
    }
    return false;
  }

  private static boolean captionEnd(String t) {
    int paren = t.indexOf('(');
    if (paren >= 0 && CAPTION_PAREN.matcher(t).region(paren, t.length()).find()) {
      return true;
    }
    return containsIgnoreCase(t, "photo") && CAPTION_WORDS.matcher(t).find();
  }

  /** Whether {@code s} contains the lower-case ASCII {@code word} in any case. */
  static boolean containsIgnoreCase(String s, String word) {
    // candidates found with String.indexOf (vectorised), not one character at a time
    int last = s.length() - word.length();
    for (char first : new char[] {word.charAt(0), Character.toUpperCase(word.charAt(0))}) {
      for (int i = s.indexOf(first); i >= 0 && i <= last; i = s.indexOf(first, i + 1)) {
        if (s.regionMatches(true, i, word, 0, word.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean mayBeCaption(String t) {
    return t.indexOf('(') >= 0 || t.contains("hotograph") || t.contains("credit");
  }

  private static Chrome uiControl(Block b) {
    if (b.words > 5 || b.prose) {
      return null;
    }
    boolean meaningful = false;
    boolean gallery = false;
    for (String w : UI_SEPARATORS.split(b.text.toLowerCase(Locale.ROOT))) {
      String word = UI_WORD_EDGES.matcher(w).replaceAll("");
      if (word.isEmpty()) {
        continue;
      }
      if (!UI_WORDS.contains(word)) {
        return null;
      }
      meaningful |= !UI_FUNCTION.contains(word);
      gallery |= UI_GALLERY.contains(word);
    }
    if (!meaningful) {
      return null;
    }
    return gallery ? Chrome.GALLERY : Chrome.NAVIGATION;
  }

  /** Letters and digits only, lower-cased: "DW.COM" and "dw.com" and "DW com" compare equal. */
  static String squash(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      if (Character.isLetterOrDigit(cp)) {
        b.appendCodePoint(cp);
      }
      i += Character.charCount(cp);
    }
    return b.toString();
  }

  private static String tail(String t) {
    return t.length() > 600 ? t.substring(t.length() - 600) : t;
  }

  private static boolean hasLetterOrDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
