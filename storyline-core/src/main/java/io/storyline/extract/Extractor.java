package io.storyline.extract;

import io.storyline.ingest.RawDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Front door of extraction: turns a {@link RawDocument} into a clean {@link Article}. The input is not modified.
 * Thread-safe: one extractor can serve many threads.
 *
 * <pre>{@code
 * Extractor extractor = Extractor.create();
 * Article a = extractor.extract(rawDocument);
 * }</pre>
 *
 * <p>HTML goes to the DOM stage, flattened text to the line classifier, a headline-only record gives an
 * {@link Article.Status#EMPTY} article that keeps its title. Then the text-level pass reads byline, dateline,
 * agency and dates from the paragraphs (for HTML without overriding what the page's metadata said), detects the
 * language and names the outlet. Precedence of {@code published}: the page's metadata, then the text's original
 * publication evidence (stamp, dateline, wire slug; the document's own time instead when within 36 hours of it, as
 * it is more precise), then the document's own time, then a "Last update" stamp, then the lead photo's caption.
 */
public final class Extractor {

  /** Default cap on the characters of one text document (longer ones are cut; counted as "truncated"). */
  static final int DEFAULT_MAX_CHARS = 2_000_000;

  private final HtmlArticleExtractor html = new HtmlArticleExtractor();
  private final TextArticleExtractor text;
  private final TemplateModel templates;
  private final boolean learnOnline;
  private final boolean detectLanguage;

  private Extractor(Builder b) {
    this.text = new TextArticleExtractor(b.maxChars);
    this.templates = b.templates;
    this.learnOnline = b.learnOnline;
    this.detectLanguage = b.detectLanguage;
  }

  /** An extractor with default settings (no template model, language detection on). */
  public static Extractor create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Extracts one document. Never throws for bad content: an unusable document gives status EMPTY (with
   * {@code removed} naming why: "unreadable" for binary data, "error" if a rule failed on it).
   */
  public Article extract(RawDocument doc) {
    Objects.requireNonNull(doc, "doc");
    try {
      if (learnOnline) {
        templates.learn(doc);
      }
      switch (doc.kind()) {
        case HTML:
          return fromHtml(doc);
        case TEXT:
          return fromText(doc);
        default:
          return finish(doc, doc.title(), List.of(), null, null, Article.Status.EMPTY, new TreeMap<>(),
              TextMetadata.NONE);
      }
    } catch (RuntimeException | StackOverflowError e) {
      return new Article(doc.id(), doc.url(), doc.title(), "", null, doc.published(), outlet(doc, null), null,
          null, null, Article.Status.EMPTY, Map.of("error", 1));
    }
  }

  private Article fromText(RawDocument doc) {
    Predicate<String> template = templates == null ? s -> false : templates.linesFor(doc);
    TextArticleExtractor.Context ctx =
        new TextArticleExtractor.Context(doc.title(), siteNames(doc, null), template, doc.published());
    TextArticleExtractor.TextResult r = text.extract(doc.content(), ctx);
    return finish(doc, r.title(), r.paragraphs(), null, null, r.status(), new TreeMap<>(r.removed()), r.metadata());
  }

  private Article fromHtml(RawDocument doc) {
    HtmlResult r = html.extract(doc.content(), doc.url());
    List<Block> blocks = new ArrayList<>(r.paragraphs().size());
    Set<String> names = siteNames(doc, r.siteName());
    boolean reutersCredit = false;
    for (String p : r.paragraphs()) {
      Block b = new Block(p);
      Chrome c = ChromeRules.evidence(b, names);
      // evidence only: the DOM stage decided what is content; these labels feed MetadataFinder
      if (c == Chrome.TIMESTAMP || c == Chrome.CREDIT || c == Chrome.CAPTION) {
        b.chrome = c;
      }
      reutersCredit |= MetadataFinder.withoutCredit(p) != null;
      blocks.add(b);
    }
    Map<String, Integer> removed = new TreeMap<>(r.removed());
    List<String> paragraphs = new ArrayList<>(r.paragraphs());
    for (int i = 0; i < Math.min(3, blocks.size()); i++) {
      Block b = blocks.get(i);
      if (!b.isChrome() && ChromeRules.isByline(b)) {
        b.chrome = Chrome.BYLINE;
        paragraphs.remove(i);
        removed.merge(Chrome.BYLINE.key(), 1, Integer::sum);
        break;
      }
    }
    Instant reference = r.published() != null ? r.published() : doc.published();
    TextMetadata meta = MetadataFinder.find(blocks, null, reutersCredit, reference);
    String title = doc.title() != null ? doc.title() : r.title();
    return finish(doc, title, paragraphs, r, r.byline(), r.status(), removed, meta);
  }

  private Article finish(RawDocument doc, String title, List<String> paragraphs, HtmlResult page,
      String pageByline, Article.Status status, Map<String, Integer> removed, TextMetadata meta) {
    String body = String.join("\n\n", paragraphs);
    Instant published = published(page == null ? null : page.published(), meta, doc.published());
    String language = page != null && page.language() != null ? page.language() : null;
    if (language == null && detectLanguage && !body.isEmpty()) {
      language = LanguageIdentifier.detect(title == null ? body : title + "\n\n" + body);
    }
    String byline = pageByline != null ? pageByline : meta.byline();
    String url = doc.url() != null ? doc.url() : page == null ? null : page.canonicalUrl();
    return new Article(doc.id(), url, title, body, byline, published,
        outlet(doc, page == null ? null : page.siteName()), meta.agency(), meta.dateline(), language, status,
        removed);
  }

  static Instant published(Instant page, TextMetadata meta, Instant own) {
    if (page != null) {
      return page;
    }
    if (meta.published() != null) {
      if (own != null && Duration.between(meta.published(), own).abs().toHours() < 36) {
        return own;
      }
      return meta.published();
    }
    if (own != null) {
      return own;
    }
    return meta.updated() != null ? meta.updated() : meta.pictured();
  }

  private static String outlet(RawDocument doc, String siteName) {
    if (doc.source() != null && !doc.source().isBlank()) {
      return doc.source().strip();
    }
    if (siteName != null && !siteName.isBlank()) {
      return siteName.strip();
    }
    return TemplateModel.host(doc.url());
  }

  /** Squashed forms of the site's names: "The Moscow Times" → "themoscowtimes", "moscowtimes"; host and label. */
  private static Set<String> siteNames(RawDocument doc, String siteName) {
    Set<String> out = new HashSet<>();
    for (String name : new String[] {doc.source(), siteName}) {
      if (name != null && !name.isBlank()) {
        out.add(ChromeRules.squash(name));
        out.add(ChromeRules.squash(name.toLowerCase(Locale.ROOT).replaceFirst("^the\\s+", "")));
      }
    }
    String host = TemplateModel.host(doc.url());
    if (host != null) {
      out.add(ChromeRules.squash(host));
      int dot = host.indexOf('.');
      if (dot > 0) {
        out.add(ChromeRules.squash(host.substring(0, dot)));
      }
    }
    out.remove("");
    return out;
  }

  /** Settings of an {@link Extractor}. */
  public static final class Builder {
    private TemplateModel templates;
    private boolean learnOnline;
    private int maxChars = DEFAULT_MAX_CHARS;
    private boolean detectLanguage = true;

    private Builder() {}

    /** Template lines learned per source are removed from text documents (see {@link TemplateModel}). */
    public Builder templates(TemplateModel model) {
      this.templates = Objects.requireNonNull(model, "model");
      return this;
    }

    /** Feed every extracted document to the template model first (online learning). Requires templates. */
    public Builder learnOnline(boolean learn) {
      this.learnOnline = learn;
      return this;
    }

    /** Characters of a text document beyond which it is cut (default 2,000,000). */
    public Builder maxChars(int chars) {
      if (chars < 1_000) {
        throw new IllegalArgumentException("maxChars must be at least 1000, got " + chars);
      }
      this.maxChars = chars;
      return this;
    }

    /** Detect the language of the body with the OpenNLP model (default true). */
    public Builder detectLanguage(boolean detect) {
      this.detectLanguage = detect;
      return this;
    }

    public Extractor build() {
      if (learnOnline && templates == null) {
        throw new IllegalStateException("learnOnline requires templates: call templates(TemplateModel) first");
      }
      return new Extractor(this);
    }
  }
}
