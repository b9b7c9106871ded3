package io.storyline.internal;

/** The MurmurHash3 64-bit finaliser (Appleby 2011): a bijection on {@code long} with full avalanche. Not API. */
public final class Mix64 {
  private Mix64() {}

  /** Mixes {@code k} so that every output bit depends on every input bit. */
  public static long mix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
