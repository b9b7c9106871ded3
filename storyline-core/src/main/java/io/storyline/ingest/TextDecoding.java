package io.storyline.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text: BOM, declared charsets, and detection for undeclared ones.
 *
 * <p>Method. (1) A byte-order mark wins (UTF-8, UTF-16LE/BE, UTF-32LE/BE), as in the WHATWG encoding standard.
 * (2) For HTML, a charset declared by the HTTP {@code Content-Type} header, else by {@code <meta charset>},
 * {@code <meta http-equiv="Content-Type">} or the XML declaration in the first {@value #PRESCAN_BYTES} bytes.
 * Labels are resolved the WHATWG way: {@code iso-8859-1}, {@code latin1} and {@code us-ascii} mean windows-1252.
 * (3) Otherwise detection: bytes that decode as strict UTF-8 are UTF-8 (the chance that windows-1252 text with
 * non-ASCII bytes is also valid UTF-8 is tiny: every high byte would have to form a valid multi-byte sequence);
 * anything else is windows-1252, the superset of latin-1 that also gives curly quotes, dashes and the euro sign
 * (METER 1999, said to be latin-1: 224 of its 1,058 texts have non-ASCII bytes, none of them valid UTF-8,
 * and 6 use 0x93/0x94 quotes or 0x96/0x97 dashes that only windows-1252 decodes). The five bytes windows-1252 leaves undefined decode to the latin-1 code point, so no byte is
 * ever lost. A declaration the bytes contradict is corrected the same way: declared UTF-8 that is not valid
 * UTF-8 is decoded as windows-1252; any other declared charset (latin-1/windows-1252, gbk, shift_jis, ...) over
 * bytes that are valid UTF-8 with a multi-byte character is UTF-8 (pages re-saved as UTF-8 keep their old meta
 * tag; a real legacy text of more than a few non-ASCII characters is almost never valid UTF-8 by chance).
 * UTF-16 without a BOM is recognised by its pattern of NUL bytes. We did not add a statistical detector (ICU,
 * juniversalchardet): for the news inputs we target the only ambiguity in practice is UTF-8 versus
 * windows-1252, which the strict decode settles.
 */
final class TextDecoding {

  /** How many leading bytes are searched for a charset declaration (WHATWG prescans 1024; pages put scripts first). */
  static final int PRESCAN_BYTES = 4096;
  /** How many leading bytes are checked for binary content. */
  private static final int SNIFF_BYTES = 8192;

  static final String WINDOWS_1252 = "windows-1252";
  private static final char[] CP1252 = cp1252Table();
  private static final Pattern META_CHARSET = Pattern.compile(
      "<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING = Pattern.compile(
      "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);

  /** Decoded text and the name of the charset it was decoded with. */
  record Decoded(String text, String charset) {}

  private TextDecoding() {}

  /** Decodes plain text: BOM, else strict UTF-8, else UTF-16 by NUL pattern, else windows-1252. */
  static Decoded decodeText(byte[] bytes) {
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      int skip = bomLength(bom);
      return new Decoded(new String(bytes, skip, bytes.length - skip, bom), bom.name());
    }
    Charset utf16 = utf16WithoutBom(bytes);
    if (utf16 != null) {
      return new Decoded(new String(bytes, utf16), utf16.name());
    }
    return detect(bytes, 0);
  }

  /**
   * Decodes HTML: BOM, else the charset declared by {@code headerCharset} (from HTTP; may be null), else the
   * one declared in the page, else detection as for text.
   */
  static Decoded decodeHtml(byte[] bytes, String headerCharset) {
    Charset bom = bomCharset(bytes);
    if (bom != null) {
      int skip = bomLength(bom);
      return new Decoded(new String(bytes, skip, bytes.length - skip, bom), bom.name());
    }
    String declared = headerCharset != null ? headerCharset : declaredInPage(bytes);
    Charset charset = declared == null ? null : resolveLabel(declared);
    if (charset == null) {
      Charset utf16 = utf16WithoutBom(bytes);
      return utf16 != null ? new Decoded(new String(bytes, utf16), utf16.name()) : detect(bytes, 0);
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      return detect(bytes, 0); // valid UTF-8 stays UTF-8; invalid falls back to windows-1252
    }
    if (!charset.name().startsWith("UTF-")) {
      // A legacy declaration (windows-1252, gbk, shift_jis, ...) over bytes that are valid UTF-8 with at least one
      // multi-byte character: the page was re-saved as UTF-8 and kept its old meta tag (readability "qq": gbk).
      String utf8 = strictUtf8(bytes, 0);
      if (utf8 != null && utf8.length() < bytes.length) {
        return new Decoded(utf8, StandardCharsets.UTF_8.name());
      }
    }
    if (charset.name().equals(WINDOWS_1252)) {
      return new Decoded(cp1252(bytes, 0), WINDOWS_1252);
    }
    return new Decoded(new String(bytes, charset), charset.name());
  }

  /** The charset label declared by a {@code <meta>} tag or XML declaration near the start, or null. */
  static String declaredInPage(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher xml = XML_ENCODING.matcher(head);
    if (xml.find()) {
      return xml.group(1);
    }
    Matcher meta = META_CHARSET.matcher(head);
    return meta.find() ? meta.group(1) : null;
  }

  /**
   * A charset for a label the WHATWG way, or null when the label is unknown. Latin-1 and ASCII labels mean
   * windows-1252; UTF-16 declared inside an ASCII-compatible page means UTF-8.
   */
  static Charset resolveLabel(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    switch (l) {
      case "iso-8859-1": case "iso8859-1": case "iso_8859-1": case "latin1": case "l1": case "cp819":
      case "ibm819": case "us-ascii": case "ascii": case "windows-1252": case "cp1252": case "x-cp1252":
      case "x-user-defined":
        return Charset.forName(WINDOWS_1252);
      case "utf-16": case "utf-16le": case "utf-16be": case "utf-32": case "unicode":
        return StandardCharsets.UTF_8;
      case "gb2312":
        l = "gbk";
        break;
      default:
        break;
    }
    try {
      return Charset.isSupported(l) ? Charset.forName(l) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Why these bytes are not text, or null when they look like text. Looks at the first {@value #SNIFF_BYTES}
   * bytes: known binary signatures, NUL bytes (unless the text is UTF-16/32), or more than 10% control bytes.
   */
  static String binaryReason(byte[] bytes) {
    int n = Math.min(bytes.length, SNIFF_BYTES);
    String signature = binarySignature(bytes);
    if (signature != null) {
      return "binary content (" + signature + "), not text";
    }
    if (bomCharset(bytes) != null || utf16WithoutBom(bytes) != null) {
      return null;
    }
    int controls = 0;
    for (int i = 0; i < n; i++) {
      int b = bytes[i] & 0xff;
      if (b == 0) {
        return "binary content (NUL byte at offset " + i + "), not text";
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
        controls++;
      }
    }
    if (controls * 10 > n) {
      return "binary content (" + controls + " control bytes in the first " + n + "), not text";
    }
    return null;
  }

  private static String binarySignature(byte[] b) {
    if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2d)) {
      return "a PDF document";
    }
    if (startsWith(b, 0x50, 0x4b, 0x03, 0x04)) {
      return "a ZIP archive";
    }
    if (startsWith(b, 0x89, 0x50, 0x4e, 0x47)) {
      return "a PNG image";
    }
    if (startsWith(b, 0xff, 0xd8, 0xff)) {
      return "a JPEG image";
    }
    if (startsWith(b, 0x47, 0x49, 0x46, 0x38)) {
      return "a GIF image";
    }
    if (startsWith(b, 0x1f, 0x8b)) {
      return "gzip data in a file not named .gz";
    }
    return null;
  }

  static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Strict UTF-8 from {@code offset}, or null when the bytes are not valid UTF-8. Decodes with the JDK's
   * intrinsic {@code new String(bytes, UTF_8)} (which replaces bad sequences with U+FFFD) and only when the
   * result holds a U+FFFD runs a strict decoder to tell a genuine U+FFFD from a bad byte.
   */
  static String strictUtf8(byte[] bytes, int offset) {
    String s = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
    if (s.indexOf('\ufffd') < 0) {
      return s;
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return s;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The byte offset of the first invalid UTF-8 sequence, or -1 when all are valid. */
  static int firstInvalidUtf8(byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    if (decoder.decode(in, out, true).isError()) {
      return in.position();
    }
    return -1;
  }

  private static Decoded detect(byte[] bytes, int offset) {
    String utf8 = strictUtf8(bytes, offset);
    if (utf8 != null) {
      return new Decoded(utf8, StandardCharsets.UTF_8.name());
    }
    return new Decoded(cp1252(bytes, offset), WINDOWS_1252);
  }

  /** windows-1252, with its five undefined bytes mapped to the latin-1 code point so nothing is lost. */
  static String cp1252(byte[] bytes, int offset) {
    char[] out = new char[bytes.length - offset];
    for (int i = offset; i < bytes.length; i++) {
      out[i - offset] = CP1252[bytes[i] & 0xff];
    }
    return new String(out);
  }

  private static char[] cp1252Table() {
    char[] table = new char[256];
    CharsetDecoder d = Charset.forName(WINDOWS_1252).newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    for (int b = 0; b < 256; b++) {
      try {
        table[b] = d.decode(ByteBuffer.wrap(new byte[] {(byte) b})).charAt(0);
      } catch (CharacterCodingException e) {
        table[b] = (char) b;
      }
    }
    return table;
  }

  /** The charset named by a byte-order mark at the start, or null. */
  static Charset bomCharset(byte[] b) {
    if (startsWith(b, 0xef, 0xbb, 0xbf)) {
      return StandardCharsets.UTF_8;
    }
    if (startsWith(b, 0x00, 0x00, 0xfe, 0xff)) {
      return Charset.forName("UTF-32BE");
    }
    if (startsWith(b, 0xff, 0xfe, 0x00, 0x00)) {
      return Charset.forName("UTF-32LE");
    }
    if (startsWith(b, 0xfe, 0xff)) {
      return StandardCharsets.UTF_16BE;
    }
    if (startsWith(b, 0xff, 0xfe)) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  private static int bomLength(Charset bom) {
    if (bom.equals(StandardCharsets.UTF_8)) {
      return 3;
    }
    return bom.name().startsWith("UTF-32") ? 4 : 2;
  }

  /**
   * UTF-16 without a BOM: in mostly-Latin text every other byte is NUL. Needs at least 16 bytes, NULs in more
   * than 40% of the high-byte positions and in under 5% of the low-byte ones.
   */
  static Charset utf16WithoutBom(byte[] b) {
    int pairs = Math.min(b.length, SNIFF_BYTES) / 2;
    if (pairs < 8) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < pairs; i++) {
      if (b[2 * i] == 0) {
        evenNul++;
      }
      if (b[2 * i + 1] == 0) {
        oddNul++;
      }
    }
    if (oddNul * 10 > pairs * 4 && evenNul * 20 < pairs) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenNul * 10 > pairs * 4 && oddNul * 20 < pairs) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }
}
