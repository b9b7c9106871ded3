package io.storyline.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** The batch order of {@link StoryClusterer#inPublicationOrder}: see there. */
final class PublicationOrder {
  private PublicationOrder() {}

  static List<StoryInput> sort(Collection<StoryInput> batch, Instant now) {
    List<StoryInput> dated = new ArrayList<>();
    Map<StoryInput, List<StoryInput>> followers = new IdentityHashMap<>();
    List<StoryInput> leading = new ArrayList<>();
    StoryInput anchor = null;
    for (StoryInput in : batch) {
      if (DateCheck.problem(in.article().published(), now) == null) {
        dated.add(in);
        anchor = in;
      } else if (anchor == null) {
        leading.add(in);
      } else {
        followers.computeIfAbsent(anchor, k -> new ArrayList<>()).add(in);
      }
    }
    dated.sort(Comparator.comparing((StoryInput in) -> in.article().published())
        .thenComparing(in -> in.article().id()));
    List<StoryInput> out = new ArrayList<>(batch.size());
    for (int i = 0; i < dated.size(); i++) {
      out.add(dated.get(i));
      if (i == 0) {
        out.addAll(leading);
      }
      out.addAll(followers.getOrDefault(dated.get(i), List.of()));
    }
    if (dated.isEmpty()) {
      out.addAll(leading);
    }
    return out;
  }
}
