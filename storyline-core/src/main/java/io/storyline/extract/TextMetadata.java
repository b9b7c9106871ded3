package io.storyline.extract;

import java.time.Instant;

/**
 * Metadata read from the text of a document (flattened text, or the paragraphs the HTML stage kept).
 *
 * @param byline     the byline as credited ("By Emma Hibbs, PA News"), else {@code null}
 * @param dateline   the dateline's place ("SOCHI, Russia"), else {@code null}
 * @param agency     canonical wire service credited (see {@link io.storyline.internal.Agencies}), else {@code null}
 * @param published  original publication read from the text: a "Published" stamp, the dateline date (year from
 *                   context), a wire slug; else {@code null}
 * @param updated    a "Last update" stamp, else {@code null}
 * @param pictured   the date in the first photo caption above the body, else {@code null} (weak evidence)
 */
record TextMetadata(String byline, String dateline, String agency, Instant published, Instant updated,
    Instant pictured) {

  static final TextMetadata NONE = new TextMetadata(null, null, null, null, null, null);
}
