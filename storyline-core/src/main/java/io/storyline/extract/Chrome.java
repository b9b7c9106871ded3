package io.storyline.extract;

/** Kinds of site chrome removed from flattened text; {@link #key()} names the count in {@link Article#removed()}. */
enum Chrome {
  /** Donation, subscription and membership appeals, election fundraising boxes. */
  APPEAL("appeal"),
  /** "Read more" / "More from X" lists: teaser titles and truncated teaser snippets. */
  TEASER("teaser"),
  /** Photo-gallery titles, counters ("(03 of12)"), controls ("Open Image Modal") and gallery items. */
  GALLERY("gallery"),
  /** Photo captions ("... (Photo by X/Getty Images)", "(credit:...)"). */
  CAPTION("caption"),
  /** Reporting/editing credits, copyright and agency credit lines. */
  CREDIT("credit"),
  /** "Last update: ..." and other date stamps. */
  TIMESTAMP("timestamp"),
  /** Navigation and UI lines ("Read more", "Share", "Before You Go"), headings that only introduce chrome. */
  NAVIGATION("navigation"),
  /** A line naming the site. */
  SITE_NAME("site-name"),
  /** A line that recurs across many documents of the same source (learned by {@link TemplateModel}). */
  TEMPLATE("template"),
  /** Wire service notes: "(reopens)", "(with pic)", "Embargoed to ...". */
  WIRE_NOTE("wire-note"),
  /** A wire operator's sign-off at the end: "end", "mfl". */
  SIGN_OFF("sign-off"),
  /** Lines of punctuation only ("|", "***"). */
  SEPARATOR("separator"),
  /** The byline line (kept as metadata, removed from the body). */
  BYLINE("byline"),
  /** A second, near-identical headline (image or gallery title) near the top. */
  TITLE_REPEAT("title-repeat");

  private final String key;

  Chrome(String key) {
    this.key = key;
  }

  String key() {
    return key;
  }
}
