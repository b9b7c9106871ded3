package io.storyline.ingest;

import java.util.Locale;

/**
 * What a file holds, decided by its name: {@code .txt}/{@code .text}, {@code .html}/{@code .htm}/{@code .xhtml},
 * {@code .jsonl}/{@code .ndjson}, {@code .warc}, each optionally followed by {@code .gz}. A name without an
 * extension is sniffed from its first bytes ({@link Format#SNIFF}); any other extension is unsupported, so that
 * stray files in a crawl folder ({@code .css}, {@code .pdf}, {@code .csv}) are named in the report instead of
 * being read as articles.
 *
 * @param format what the (decompressed) content is
 * @param gzip   whether the name ends in {@code .gz}; WARC files handle their own (per-record) gzip
 */
record FileType(Format format, boolean gzip) {

  enum Format { TEXT, HTML, JSONL, WARC, SNIFF, UNSUPPORTED }

  static final String SUPPORTED = ".txt, .html, .htm, .jsonl, .warc, each optionally gzip-compressed (.gz)";

  static FileType of(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".warc.gz") || name.endsWith(".warc")) {
      return new FileType(Format.WARC, false);
    }
    boolean gzip = name.endsWith(".gz");
    if (gzip) {
      name = name.substring(0, name.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return new FileType(Format.SNIFF, gzip);
    }
    switch (name.substring(dot + 1)) {
      case "txt": case "text":
        return new FileType(Format.TEXT, gzip);
      case "html": case "htm": case "xhtml": case "shtml":
        return new FileType(Format.HTML, gzip);
      case "jsonl": case "ndjson":
        return new FileType(Format.JSONL, gzip);
      default:
        return new FileType(Format.UNSUPPORTED, gzip);
    }
  }

  /** The extension as written, for messages: ".pdf". */
  static String extension(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? "(none)" : fileName.substring(dot);
  }
}
