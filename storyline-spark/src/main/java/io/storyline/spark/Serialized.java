package io.storyline.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;

/** Java serialization of one value to a byte array and back (values the job keeps serialized between stages). */
final class Serialized {
  private Serialized() {}

  static byte[] bytes(Serializable value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (ObjectOutputStream o = new ObjectOutputStream(out)) {
      o.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialize a " + value.getClass().getName(), e);
    }
    return out.toByteArray();
  }

  static <T> T value(byte[] bytes, Class<T> type) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return type.cast(in.readObject());
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot read back a serialized " + type.getName(), e);
    }
  }
}
