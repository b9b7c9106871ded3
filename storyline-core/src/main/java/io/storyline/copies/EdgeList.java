package io.storyline.copies;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Verified text-sharing relations between two documents, recorded when the later one is added. About 29 bytes
 * per relation and 4 per document (in {@link Pages}) (each document's relations are chained); most documents have none.
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

  private final Pages.Ints a = new Pages.Ints();
  private final Pages.Ints b = new Pages.Ints();
  /** The two containments and the resemblance, as float bits. */
  private final Pages.Ints containmentAb = new Pages.Ints();
  private final Pages.Ints containmentBa = new Pages.Ints();
  private final Pages.Ints resemblance = new Pages.Ints();
  private final Pages.Bytes flags = new Pages.Bytes();
  /** Each relation's next one at its {@code a} document, plus 1 (0: none). */
  private final Pages.Ints nextAtA = new Pages.Ints();
  /** Each relation's next one at its {@code b} document, plus 1 (0: none). */
  private final Pages.Ints nextAtB = new Pages.Ints();
  /** By document: its most recent relation, plus 1 (0: none); with the two chains, each document's relations. */
  private final Pages.Ints firstAt = new Pages.Ints();
  int size;

  void add(int docA, int docB, double cAb, double cBa, double jab, int f) {
    long n = size + 1L;
    a.ensure(n);
    b.ensure(n);
    containmentAb.ensure(n);
    containmentBa.ensure(n);
    resemblance.ensure(n);
    flags.ensure(n);
    nextAtA.ensure(n);
    nextAtB.ensure(n);
    firstAt.ensure(Math.max(docA, docB) + 1L);
    flags.set(size, (byte) f);
    nextAtA.set(size, firstAt.get(docA));
    firstAt.set(docA, size + 1);
    nextAtB.set(size, firstAt.get(docB));
    firstAt.set(docB, size + 1);
    a.set(size, docA);
    b.set(size, docB);
    containmentAb.set(size, Float.floatToRawIntBits((float) cAb));
    containmentBa.set(size, Float.floatToRawIntBits((float) cBa));
    resemblance.set(size, Float.floatToRawIntBits((float) jab));
    size++;
  }

  int a(int e) {
    return a.get(e);
  }

  int b(int e) {
    return b.get(e);
  }

  int flags(int e) {
    return flags.get(e) & 0xFF;
  }

  float containmentAb(int e) {
    return Float.intBitsToFloat(containmentAb.get(e));
  }

  float containmentBa(int e) {
    return Float.intBitsToFloat(containmentBa.get(e));
  }

  float resemblance(int e) {
    return Float.intBitsToFloat(resemblance.get(e));
  }

  /** The most recent relation of document {@code doc}, or -1. */
  int firstAt(int doc) {
    return doc < firstAt.capacity() ? firstAt.get(doc) - 1 : -1;
  }

  /** The relation of document {@code doc} recorded before relation {@code e}, or -1. */
  int nextAt(int e, int doc) {
    return (a.get(e) == doc ? nextAtA.get(e) : nextAtB.get(e)) - 1;
  }

  long bytes() {
    return a.bytes() + b.bytes() + containmentAb.bytes() + containmentBa.bytes() + resemblance.bytes()
        + flags.bytes() + nextAtA.bytes() + nextAtB.bytes() + firstAt.bytes();
  }

  void write(DataOutputStream out) throws IOException {
    out.writeInt(size);
    for (int i = 0; i < size; i++) {
      out.writeInt(a(i));
      out.writeInt(b(i));
      out.writeFloat(containmentAb(i));
      out.writeFloat(containmentBa(i));
      out.writeFloat(resemblance(i));
      out.writeByte(flags(i));
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
