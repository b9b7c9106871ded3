package io.storyline.stories;

import java.util.Objects;

/**
 * A named entity of one document: its alias key (see {@link AliasKey}), the fullest surface form seen, its type and
 * how often it was mentioned.
 */
record Entity(String key, String name, EntityType type, int mentions) implements java.io.Serializable {
  Entity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (key.isBlank()) {
      throw new IllegalArgumentException("entity key must not be blank (name '" + name + "')");
    }
    if (mentions < 1) {
      throw new IllegalArgumentException("mentions must be >= 1, was " + mentions + " for '" + name + "'");
    }
  }
}
