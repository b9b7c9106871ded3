package io.storyline.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Second-level clustering: closed stories are threaded into topics, with no time window, so a topic can span
 * months or years with gaps ("Russia and Syria's Assad": a Sochi meeting in 2014, the Vienna talks in 2016).
 *
 * <p>Method: single pass over stories in the order they close; a story joins the topic with the highest similarity
 * if it reaches the topic threshold, else opens a topic. Similarity is the weighted mean of cosines between the
 * story's and the topic's entity profile (weight 0.5: who and where persist across a topic's stories while the
 * words of each event change), term centroid (0.3) and embedding centroid (0.2, when present). Profiles are
 * truncated (story: 100 terms, 40 entities; topic: 300 terms, 100 entities), so a topic costs about 40 KB at most;
 * past {@code maxTopics} the topic touched least recently is forgotten (its id stays valid in summaries already
 * given out). Not thread-safe.
 *
 * <p>Without embeddings, topics are found through {@link Postings} of their term and entity keys: a topic sharing no
 * key with a story has similarity 0, below a positive threshold, so only the topics reached are scored (with the
 * same expression, then rescored exactly, in access order: the same choice as scanning every topic), with
 * {@link PrunedSearch}'s bound: the story's light terms, whose postings reach most topics, admit no new topic once
 * the heaviest ones hold all but the threshold's share of its norm (see {@link OpenIndex}).
 */
final class TopicThreader {
  private static final double W_ENTITY = 0.5;
  private static final double W_TERMS = 0.3;
  private static final double W_EMBEDDING = 0.2;

  private final double threshold;
  private final int maxTopics;
  private final LinkedHashMap<String, TopicState> topics = new LinkedHashMap<>(16, 0.75f, true);
  private int next;
  private long uses;
  private final Postings<TopicState> termIndex;
  private final Postings<TopicState> entityIndex;

  TopicThreader(double threshold, int maxTopics, boolean indexed) {
    this.threshold = threshold;
    this.maxTopics = maxTopics;
    this.termIndex = indexed && threshold > 0 ? new Postings<>() : null;
    this.entityIndex = termIndex == null ? null : new Postings<>();
  }

  private static final class TopicState {
    final String id;
    final Bag terms = new Bag(300);
    final Bag entities = new Bag(100);
    final Map<String, String> names = new LinkedHashMap<>();
    final List<Story> stories = new ArrayList<>();
    float[] embedding;
    /** When the topic was last created or joined: the access order of {@code topics}. */
    long lastUse;

    TopicState(String id) {
      this.id = id;
    }
  }

  /** Threads a closed story; returns its topic id. */
  String thread(StoryState story, Story summary) {
    Bag terms = story.terms.truncated(100);
    Bag entities = story.entities.truncated(40);
    TopicState best = null;
    double bestScore = threshold;
    boolean indexed = termIndex != null && story.embeddingSum == null;
    for (TopicState t : indexed ? candidates(terms, entities) : topics.values()) {
      double s = similarity(t, terms, entities, story.embeddingSum);
      if (s >= bestScore) {
        bestScore = s;
        best = t;
      }
    }
    if (best == null) {
      best = new TopicState("t" + (++next));
      topics.put(best.id, best);
      if (topics.size() > maxTopics) {
        TopicState eldest = topics.remove(topics.keySet().iterator().next());
        if (termIndex != null) {
          termIndex.remove(eldest);
          entityIndex.remove(eldest);
        }
      }
    } else {
      topics.get(best.id); // touch for access order
    }
    best.lastUse = ++uses;
    best.terms.addAll(terms);
    best.entities.addAll(entities);
    if (termIndex != null) {
      termIndex.add(best, best.terms, keys(terms));
      entityIndex.add(best, best.entities, keys(entities));
    }
    for (String k : entities.top(40)) {
      best.names.putIfAbsent(k, story.entityNames.getOrDefault(k, k));
    }
    if (story.embeddingSum != null) {
      float[] unit = unit(story.embeddingSum);
      if (best.embedding == null) {
        best.embedding = unit;
      } else {
        for (int i = 0; i < unit.length; i++) {
          best.embedding[i] += unit[i];
        }
      }
    }
    best.stories.add(summary);
    return best.id;
  }

  /** Topics that may reach the threshold, in access order (least recently used first, as {@code topics}). */
  private List<TopicState> candidates(Bag terms, Bag entities) {
    return PrunedSearch.search(
        new PrunedSearch.Component<>(termIndex, terms, t -> t.terms.norm()),
        new PrunedSearch.Component<>(entityIndex, entities, t -> t.entities.norm()),
        new PrunedSearch.Scoring<>() {
          @Override
          public double score(TopicState t, double termDot, double entityDot) {
            double sum = W_TERMS * t.terms.cosineFromDot(terms, termDot);
            double w = W_TERMS;
            if (!entities.isEmpty() && !t.entities.isEmpty()) {
              sum += W_ENTITY * t.entities.cosineFromDot(entities, entityDot);
              w += W_ENTITY;
            }
            return sum / w;
          }

          @Override
          public double unseen(double termCosine, double entityCosine) {
            // a topic without entities is scored on its terms alone: the larger of the two
            return entities.isEmpty() ? termCosine
                : Math.max(termCosine, (W_TERMS * termCosine + W_ENTITY * entityCosine) / (W_TERMS + W_ENTITY));
          }
        }, threshold, null, Comparator.comparingLong((TopicState t) -> t.lastUse));
  }

  private static List<String> keys(Bag bag) {
    List<String> out = new ArrayList<>(bag.size());
    bag.forEach((k, v) -> out.add(k));
    return out;
  }

  private static double similarity(TopicState t, Bag terms, Bag entities, float[] embedding) {
    double sum = W_TERMS * t.terms.cosine(terms);
    double w = W_TERMS;
    if (!entities.isEmpty() && !t.entities.isEmpty()) {
      sum += W_ENTITY * t.entities.cosine(entities);
      w += W_ENTITY;
    }
    if (embedding != null && t.embedding != null) {
      sum += W_EMBEDDING * Math.max(0, StoryState.cosine(embedding, t.embedding));
      w += W_EMBEDDING;
    }
    return sum / w;
  }

  private static float[] unit(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    float[] out = new float[v.length];
    if (n > 0) {
      double norm = Math.sqrt(n);
      for (int i = 0; i < v.length; i++) {
        out[i] = (float) (v[i] / norm);
      }
    }
    return out;
  }

  /** Topics still remembered, each with its stories in chronological order. */
  List<Topic> topics(Map<String, Story> latest) {
    List<Topic> out = new ArrayList<>();
    for (TopicState t : topics.values()) {
      List<Story> stories = new ArrayList<>();
      for (Story s : t.stories) {
        stories.add(latest.getOrDefault(s.id(), s));
      }
      stories.sort(Comparator.comparing(Story::firstSeen).thenComparing(Story::id));
      List<String> ids = new ArrayList<>();
      Instant first = stories.get(0).firstSeen();
      Instant last = first;
      for (Story s : stories) {
        ids.add(s.id());
        last = s.lastSeen().isAfter(last) ? s.lastSeen() : last;
      }
      List<String> label = new ArrayList<>();
      for (String k : t.entities.top(3)) {
        label.add(t.names.getOrDefault(k, k));
      }
      out.add(new Topic(t.id, label.isEmpty() ? stories.get(0).headline() : String.join(" / ", label), ids, first,
          last));
    }
    out.sort(Comparator.comparing(Topic::firstSeen).thenComparing(Topic::id));
    return out;
  }
}
