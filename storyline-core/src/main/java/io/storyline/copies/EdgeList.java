package io.storyline.copies;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Verified text-sharing relations between two documents, recorded when the later one is added. About 29 bytes
 * per relation and 4 per document (each document's relations are chained); most documents have none.
 */
final class EdgeList {
  /** {@code a} and {@code b} normalise to the same text. */
  static final int EXACT = 1;
  /** {@code a} is wholly derived from {@code b} (traced and reused shares above the thresholds). */
  static final int A_NEAR_B = 2;
  /** {@code b} is wholly derived from {@code a}. */
  static final int B_NEAR_A = 4;
  /** {@code a} takes a substantial part of its text from {@code b}. */
  static final int A_PARTIAL_B = 8;
  /** {@code b} takes a substantial part of its text from {@code a}. */
  static final int B_PARTIAL_A = 16;
  /** The flags that put both documents in one copy group. */
  static final int JOINS = EXACT | A_NEAR_B | B_NEAR_A;

  int[] a = new int[256];
  int[] b = new int[256];
  float[] containmentAb = new float[256];
  float[] containmentBa = new float[256];
  float[] resemblance = new float[256];
  byte[] flags = new byte[256];
  /** Each relation's next one at its {@code a} and at its {@code b} document, plus 1 (0: none). */
  private int[] nextAtA = new int[256];
  private int[] nextAtB = new int[256];
  /** By document: its most recent relation, plus 1 (0: none); with the two chains, each document's relations. */
  private int[] firstAt = new int[256];
  int size;

  void add(int docA, int docB, double cAb, double cBa, double jab, int f) {
    if (size == a.length) {
      int n = size + (size >> 1); // by half: less spare room than doubling
      a = Arrays.copyOf(a, n);
      b = Arrays.copyOf(b, n);
      containmentAb = Arrays.copyOf(containmentAb, n);
      containmentBa = Arrays.copyOf(containmentBa, n);
      resemblance = Arrays.copyOf(resemblance, n);
      flags = Arrays.copyOf(flags, n);
      nextAtA = Arrays.copyOf(nextAtA, n);
      nextAtB = Arrays.copyOf(nextAtB, n);
    }
    int most = Math.max(docA, docB);
    if (most >= firstAt.length) {
      firstAt = Arrays.copyOf(firstAt, Math.max(most + 1, firstAt.length + (firstAt.length >> 1)));
    }
    nextAtA[size] = firstAt[docA];
    firstAt[docA] = size + 1;
    nextAtB[size] = firstAt[docB];
    firstAt[docB] = size + 1;
    a[size] = docA;
    b[size] = docB;
    containmentAb[size] = (float) cAb;
    containmentBa[size] = (float) cBa;
    resemblance[size] = (float) jab;
    flags[size] = (byte) f;
    size++;
  }

  /** The most recent relation of document {@code doc}, or -1. */
  int firstAt(int doc) {
    return doc < firstAt.length ? firstAt[doc] - 1 : -1;
  }

  /** The relation of document {@code doc} recorded before relation {@code e}, or -1. */
  int nextAt(int e, int doc) {
    return (a[e] == doc ? nextAtA[e] : nextAtB[e]) - 1;
  }

  long bytes() {
    return a.length * 29L + firstAt.length * 4L;
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeInt(a[i]);
      out.writeInt(b[i]);
      out.writeFloat(containmentAb[i]);
      out.writeFloat(containmentBa[i]);
      out.writeFloat(resemblance[i]);
      out.writeByte(flags[i]);
    }
  }

  static EdgeList read(DataInputStream in, int docs) throws IOException {
    EdgeList e = new EdgeList();
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("corrupt index: negative relation count " + n);
    }
    for (int i = 0; i < n; i++) {
      int x = in.readInt();
      int y = in.readInt();
      if (x < 0 || x >= docs || y < 0 || y >= docs) {
        throw new IOException("corrupt index: relation " + i + " names document " + Math.max(x, y) + " of " + docs);
      }
      e.add(x, y, in.readFloat(), in.readFloat(), in.readFloat(), in.readByte());
    }
    return e;
  }
}
