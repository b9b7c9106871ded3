package io.storyline.spark;

import io.storyline.stories.Assignment;
import io.storyline.stories.Story;
import io.storyline.stories.StoryClusterer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import scala.Tuple2;

/**
 * Runs one core clusterer per story cell over a partition sorted by cell and stream order
 * ({@link StoryBlocks#cluster}): the cell's starting document frequencies come first, then its documents; yields
 * each cell's placements when it ends.
 */
final class BlockClustering implements Iterator<StoryBlocks.Placed> {
  private final Iterator<Tuple2<StoryBlocks.BlockKey, StoryBlocks.BlockItem>> in;
  private final StoryBlocks.Settings settings;
  private final NavigableMap<Long, Long> perSegment;
  private Tuple2<StoryBlocks.BlockKey, StoryBlocks.BlockItem> pending;
  private Iterator<StoryBlocks.Placed> out = Collections.emptyIterator();

  BlockClustering(Iterator<Tuple2<StoryBlocks.BlockKey, StoryBlocks.BlockItem>> in, StoryBlocks.Settings settings,
      NavigableMap<Long, Long> perSegment) {
    this.in = in;
    this.settings = settings;
    this.perSegment = perSegment;
  }

  @Override
  public boolean hasNext() {
    while (!out.hasNext() && (pending != null || in.hasNext())) {
      out = nextCell().iterator();
    }
    return out.hasNext();
  }

  @Override
  public StoryBlocks.Placed next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return out.next();
  }

  /** The next item of cell {@code cell}, or null at its end (the item after it is kept). */
  private Tuple2<StoryBlocks.BlockKey, StoryBlocks.BlockItem> nextIn(long cell) {
    if (!in.hasNext()) {
      return null;
    }
    Tuple2<StoryBlocks.BlockKey, StoryBlocks.BlockItem> n = in.next();
    if (n._1().block() == cell) {
      return n;
    }
    pending = n;
    return null;
  }

  private List<StoryBlocks.Placed> nextCell() {
    Tuple2<StoryBlocks.BlockKey, StoryBlocks.BlockItem> t = pending != null ? pending : in.next();
    pending = null;
    long cell = t._1().block();
    Map<String, Integer> terms = new HashMap<>();
    Map<String, Integer> entities = new HashMap<>();
    for (; t != null && t._2().frequency() != null; t = nextIn(cell)) {
      String key = t._2().frequency()._1();
      (StoryFrequencies.isTerm(key) ? terms : entities).put(StoryFrequencies.name(key), t._2().frequency()._2());
    }
    long block = Math.floorDiv(cell, StoryBlocks.MAX_CELLS);
    StoryClusterer clusterer = StoryClusterer.builder()
        .embeddings(settings.embeddings())
        .clock(Clock.fixed(settings.now(), ZoneOffset.UTC))
        .documentFrequencies(StoryFrequencies.documentsBefore(perSegment, block), terms, entities)
        .build();
    List<StoryBlocks.Placed> docs = new ArrayList<>(); // story and topic filled in once the cell is done
    List<String> assigned = new ArrayList<>();
    for (; t != null; t = nextIn(cell)) {
      StoryBlocks.Featured d = t._2().doc();
      if (t._2().elsewhere()) {
        clusterer.observe(d.features());
        if (!t._1().ghost()) { // placed by its copy group, whose story started in an earlier block
          docs.add(new StoryBlocks.Placed(d.order(), false, cell, -1, -1, d.group(), t._1().key()));
          assigned.add(null);
        }
        continue;
      }
      Long group = d.group();
      Assignment a = clusterer.add(d.features(), group == null ? null : "g" + group);
      docs.add(new StoryBlocks.Placed(d.order(), t._1().ghost(), cell, -1, -1, group, t._1().key()));
      assigned.add(a.storyId());
    }
    clusterer.flush();
    Map<String, Integer> storyNumbers = new HashMap<>();
    Map<String, Integer> topicNumbers = new HashMap<>();
    Map<String, String> topicOf = new HashMap<>();
    for (Story st : clusterer.stories()) {
      topicOf.put(st.id(), st.topicId() == null ? st.id() : st.topicId());
    }
    List<StoryBlocks.Placed> placed = new ArrayList<>(docs.size());
    for (int i = 0; i < docs.size(); i++) {
      if (assigned.get(i) == null) {
        placed.add(docs.get(i));
        continue;
      }
      String story = clusterer.currentStory(assigned.get(i));
      int sn = storyNumbers.computeIfAbsent(story, k -> storyNumbers.size());
      int tn = topicNumbers.computeIfAbsent(topicOf.getOrDefault(story, story), k -> topicNumbers.size());
      StoryBlocks.Placed p = docs.get(i);
      placed.add(new StoryBlocks.Placed(p.order(), p.ghost(), cell, sn, tn, p.group(), p.key()));
    }
    return placed;
  }
}
