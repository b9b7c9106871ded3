package io.storyline.copies;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary format of a saved {@link CopyIndex} (big-endian, {@link DataOutputStream} encoding):
 * <pre>
 *   magic "STLCOPYX", int version (4; version 3 kept 64-bit text hashes, version 2 wrote table entries as longs
 *   in table order, version 1 also kept shingle counts, which follow from token counts)
 *   settings: int shingleSize, long seed, int bands, int rows, int sampling, double nearTraced, double partialReused
 *   documents (ids, 32-bit text hashes, counts, times, agencies, flags, group parents), word frequencies,
 *   LSH entries and posting entries (each: int count, then (int key, int document) sorted by unsigned key and
 *   document), relations, texts (int UTF-8 length, bytes), int end marker
 * </pre>
 * Readers refuse other versions and other settings (the hashes would not match), naming both.
 */
final class IndexFile {
  private static final byte[] MAGIC = "STLCOPYX".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 4;
  private static final int END = 0x454E4421; // "END!"

  private IndexFile() {}

  static void write(CopyIndex index, OutputStream stream) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
    out.write(MAGIC);
    out.writeInt(VERSION);
    CopyDetector d = index.detector;
    out.writeInt(d.fingerprinter.shingleSize());
    out.writeLong(d.fingerprinter.seed());
    out.writeInt(d.bands);
    out.writeInt(d.rows);
    out.writeInt(d.sampling);
    out.writeDouble(d.nearTraced);
    out.writeDouble(d.partialReused);
    index.docs.write(out);
    index.df.write(out);
    index.lsh.write(out);
    index.postings.write(out);
    index.edges.write(out);
    out.writeInt(index.docs.size);
    for (int i = 0; i < index.docs.size; i++) {
      byte[] text = index.texts.get(i).getBytes(StandardCharsets.UTF_8);
      out.writeInt(text.length);
      out.write(text);
    }
    out.writeInt(END);
    out.flush();
  }

  static CopyIndex read(CopyDetector d, InputStream stream, TextStore texts) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
    try {
      byte[] magic = in.readNBytes(MAGIC.length); // short read: compared below
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException("not a Storyline copy index (no STLCOPYX header)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException("copy index format version " + version + " is not supported (this version reads "
            + VERSION + "); rebuild it from the texts with this version (storyline copies --save-index FILE INPUT...)");
      }
      check("shingle size", in.readInt(), d.fingerprinter.shingleSize());
      check("seed", in.readLong(), d.fingerprinter.seed());
      check("bands", in.readInt(), d.bands);
      check("rows", in.readInt(), d.rows);
      check("posting sampling", in.readInt(), d.sampling);
      check("near traced share", in.readDouble(), d.nearTraced);
      check("partial reused share", in.readDouble(), d.partialReused);
      DocTable docs = DocTable.read(in, d.fingerprinter.shingleSize());
      DfTable df = DfTable.read(in);
      LshIndex lsh = LshIndex.read(in, d.bands, d.rows, d.fingerprinter.seed());
      PostingIndex postings = PostingIndex.read(in, d.sampling);
      EdgeList edges = EdgeList.read(in, docs.size);
      int n = in.readInt();
      if (n != docs.size) {
        throw new IOException("corrupt index: " + n + " texts for " + docs.size + " documents");
      }
      for (int i = 0; i < n; i++) {
        int len = in.readInt();
        if (len < 0) {
          throw new IOException("corrupt index: text " + i + " has length " + len);
        }
        byte[] text = new byte[len];
        in.readFully(text);
        String s = new String(text, StandardCharsets.UTF_8);
        texts.put(i, s, SourceText.of(d.fingerprinter, s));
      }
      if (in.readInt() != END) {
        throw new IOException("corrupt index: end marker missing");
      }
      return new CopyIndex(d, docs, lsh, postings, df, edges, texts);
    } catch (EOFException e) {
      texts.close();
      throw new IOException("truncated copy index: the data ends early", e);
    } catch (IOException | RuntimeException e) {
      texts.close();
      throw e;
    }
  }

  private static void check(String what, Object saved, Object mine) throws IOException {
    if (!saved.equals(mine)) {
      throw new IOException("the index was saved with " + what + " " + saved + ", this detector uses " + mine
          + "; load it with a CopyDetector built with the same settings");
    }
  }
}
