/**
 * Extraction: from a scraped document to a clean article — the main text without site chrome, and its metadata.
 *
 * <h2>In and out</h2>
 * In: an {@link io.storyline.ingest.RawDocument} (HTML, flattened text, or a headline-only record). Out: an
 * {@link io.storyline.extract.Article}: title, body (paragraphs separated by one blank line), byline, original
 * publication time, outlet, credited wire agency, dateline, ISO 639-1 language, a status (ARTICLE, NOT_ARTICLE,
 * EMPTY) and counts of what was removed by kind ("appeal", "teaser", "gallery", "caption", "credit", "timestamp",
 * "navigation", "template", "wire-note", "sign-off", "byline", ...). The input is never modified; bad content
 * never throws (binary data, empty pages, a 50 MB page give a status).
 *
 * <pre>{@code
 * Extractor extractor = Extractor.create();
 * Article article = extractor.extract(rawDocument);
 * System.out.println(article.title() + " / " + article.agency() + " / " + article.published());
 * }</pre>
 *
 * <h2>Inside</h2>
 * <ul>
 *   <li>{@link io.storyline.extract.Extractor} (public, thread-safe, one builder): dispatch by content kind, then
 *       the shared text-level pass (metadata from paragraphs, language, outlet) and the precedence rules for
 *       {@code published}.
 *   <li>HTML: {@code HtmlArticleExtractor} parses the page skimmed by {@code HtmlInput} (script, style and SVG
 *       bodies, comments), gathers the page index, text statistics and cleaning candidates in one walk
 *       ({@code HtmlPageScan}), then runs {@code HtmlMetadata} (JSON-LD, OpenGraph, Dublin Core, microdata,
 *       {@code <time>}), {@code HtmlCleaner} (non-content, hidden nodes, chrome named by tag, role, class or id),
 *       {@code HtmlContentScorer} (Readability block scoring, structured hints), {@code HtmlPageKind} (index pages
 *       are NOT_ARTICLE), {@code HtmlContentCleaner} (captions, link lists, galleries, graphics) and
 *       {@code HtmlBlocks} (paragraphs) into an {@code HtmlResult}; each class comment gives its method.
 *   <li>Flattened text: {@code TextNormalizer} (characters: cp1252 repair, controls, spaces, leaked markup) →
 *       {@code WireCopy} (PA wire layout: slug, {@code <} paragraphs, {@code ``quotes''}, {@code _}, {@code #}) or
 *       {@code TextLayout} (lines to units: hard-wrap and broken-line repair) → {@code TextArticleExtractor}
 *       (labels each unit with {@code ChromeRules} and context rules; see its class comment for the method).
 *   <li>Metadata: {@code MetadataFinder} (byline, dateline, agency via {@code internal.Agencies}, dates via
 *       {@code DateFinder}), {@code LanguageIdentifier} (OpenNLP language-detection model, loaded once, lazily, scored by
 *       {@code LanguageScorer} from a compact copy of its weights after {@code LanguageNormalizer}: the library's
 *       answers, a fifth of its cost).
 *   <li>{@link io.storyline.extract.TemplateModel} (public): learns the lines a source repeats on every page;
 *       feed it in a first pass or online. Grouping, thresholds and the copy guard are in its class comment.
 * </ul>
 *
 * <h2>Design choices</h2>
 * <ul>
 *   <li>Flattened text keeps every unit no rule recognises as chrome: the rules remove what they can name (generic
 *       surface features, never strings of one site) and do not pick "the best block", so a short quote or a
 *       one-line paragraph is never lost to a length threshold.
 *   <li>A dateline stays in the body ("SOCHI, Russia, Nov 26 (Reuters) - ...") as the wire and most outlets print
 *       it, and is also read into {@code dateline}, {@code agency} and {@code published}.
 *   <li>Wire typography is normalised to plain quotes, as most flattened news text already uses them, so copies
 *       of one story compare equal downstream.
 *   <li>A date without a zone is kept as a date (midnight UTC): guessing a zone could move it to another day.
 * </ul>
 */
package io.storyline.extract;
