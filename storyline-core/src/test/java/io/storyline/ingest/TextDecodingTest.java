package io.storyline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {
  private static final Charset CP1252 = Charset.forName("windows-1252");

  @Test
  void decodesWindows1252PoundAndCurlyQuotesWhenBytesAreNotUtf8() {
    byte[] bytes = "\u00a3300 \u201cquoted\u201d \u2013 caf\u00e9".getBytes(CP1252);
    TextDecoding.Decoded d = TextDecoding.decodeText(bytes);
    assertThat(d.text()).isEqualTo("\u00a3300 \u201cquoted\u201d \u2013 caf\u00e9");
    assertThat(d.charset()).isEqualTo("windows-1252");
  }

  @Test
  void keepsValidUtf8AsUtf8() {
    TextDecoding.Decoded d = TextDecoding.decodeText("Grüße — €5".getBytes(StandardCharsets.UTF_8));
    assertThat(d.text()).isEqualTo("Grüße — €5");
    assertThat(d.charset()).isEqualTo("UTF-8");
  }

  @Test
  void byteOrderMarkWinsAndIsRemoved() {
    byte[] utf16 = concat(new byte[] {(byte) 0xff, (byte) 0xfe}, "£5".getBytes(StandardCharsets.UTF_16LE));
    assertThat(TextDecoding.decodeText(utf16)).isEqualTo(new TextDecoding.Decoded("£5", "UTF-16LE"));
    byte[] utf8 = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, "€".getBytes(StandardCharsets.UTF_8));
    assertThat(TextDecoding.decodeText(utf8)).isEqualTo(new TextDecoding.Decoded("€", "UTF-8"));
  }

  @Test
  void recognisesUtf16WithoutByteOrderMark() {
    byte[] bytes = "A plain English sentence in UTF-16.".getBytes(StandardCharsets.UTF_16BE);
    assertThat(TextDecoding.binaryReason(bytes)).isNull();
    assertThat(TextDecoding.decodeText(bytes).text()).isEqualTo("A plain English sentence in UTF-16.");
  }

  @Test
  void undefinedWindows1252BytesKeepTheirLatin1CodePoint() {
    assertThat(TextDecoding.cp1252(new byte[] {(byte) 0x81, (byte) 0x93}, 0)).isEqualTo("\u0081\u201c");
  }

  @Test
  void htmlUsesTheCharsetDeclaredInTheHttpHeaderFirst() {
    byte[] page = "<html><meta charset=utf-8><p>\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(TextDecoding.decodeHtml(page, "ISO-8859-1").text()).contains("<p>\u00e9</p>");
  }

  @Test
  void htmlUsesMetaCharsetAndHttpEquiv() {
    byte[] koi8 = "<meta charset=\"koi8-r\"><p>Москва</p>".getBytes(Charset.forName("KOI8-R"));
    assertThat(TextDecoding.decodeHtml(koi8, null)).isEqualTo(
        new TextDecoding.Decoded("<meta charset=\"koi8-r\"><p>Москва</p>", "KOI8-R"));
    byte[] equiv = ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"><p>東京</p>")
        .getBytes(Charset.forName("Shift_JIS"));
    assertThat(TextDecoding.decodeHtml(equiv, null).text()).contains("東京");
  }

  @Test
  void htmlDeclarationThatTheBytesContradictIsCorrected() {
    byte[] latinDeclaredUtf8 = "<meta charset=utf-8><p>\u00a3 \u201cx\u201d</p>".getBytes(CP1252);
    assertThat(TextDecoding.decodeHtml(latinDeclaredUtf8, null).text()).contains("\u00a3 \u201cx\u201d");
    byte[] utf8DeclaredLatin = "<meta charset=iso-8859-1><p>Köln</p>".getBytes(StandardCharsets.UTF_8);
    assertThat(TextDecoding.decodeHtml(utf8DeclaredLatin, null))
        .isEqualTo(new TextDecoding.Decoded("<meta charset=iso-8859-1><p>Köln</p>", "UTF-8"));
  }

  @Test
  void aLegacyDeclarationOverValidUtf8IsReadAsUtf8() throws java.io.IOException {
    // a page re-saved as UTF-8 that kept its "charset=gbk" meta tag, as the readability test page "qq"
    byte[] page;
    try (java.io.InputStream in = getClass().getResourceAsStream("text/declared-gbk-saved-utf8.html")) {
      page = in.readAllBytes();
    }
    TextDecoding.Decoded d = TextDecoding.decodeHtml(page, null);
    assertThat(d.charset()).isEqualTo("UTF-8");
    assertThat(d.text()).contains("<title>腾讯新闻：北京今日迎来降雪</title>", "城区积雪深度约两厘米");
    // the same page really in GBK stays GBK
    byte[] gbk = new String(page, StandardCharsets.UTF_8).getBytes(Charset.forName("GBK"));
    assertThat(TextDecoding.decodeHtml(gbk, null).charset()).isEqualTo("GBK");
    assertThat(TextDecoding.decodeHtml(gbk, null).text()).contains("城区积雪深度约两厘米");
  }

  @Test
  void unknownCharsetLabelFallsBackToDetection() {
    byte[] page = "<meta charset=no-such-charset><p>Köln</p>".getBytes(StandardCharsets.UTF_8);
    assertThat(TextDecoding.decodeHtml(page, null).charset()).isEqualTo("UTF-8");
  }

  @Test
  void latin1LabelsMeanWindows1252() {
    assertThat(TextDecoding.resolveLabel("ISO-8859-1").name()).isEqualTo("windows-1252");
    assertThat(TextDecoding.resolveLabel("us-ascii").name()).isEqualTo("windows-1252");
    assertThat(TextDecoding.resolveLabel("utf-16").name()).isEqualTo("UTF-8");
    assertThat(TextDecoding.resolveLabel("bogus")).isNull();
  }

  @Test
  void namesBinaryContent() {
    assertThat(TextDecoding.binaryReason(new byte[] {'a', 0, 'b'})).contains("NUL byte at offset 1");
    assertThat(TextDecoding.binaryReason("%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII))).contains("PDF");
    byte[] controls = new byte[100];
    java.util.Arrays.fill(controls, (byte) 0x01);
    assertThat(TextDecoding.binaryReason(controls)).contains("control bytes");
    assertThat(TextDecoding.binaryReason("plain\ttext\r\n".getBytes(StandardCharsets.US_ASCII))).isNull();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
