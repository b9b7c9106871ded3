package io.storyline.store;

import io.storyline.extract.Article;
import io.storyline.stories.Assignment;
import io.storyline.stories.Story;
import io.storyline.stories.StoryClusterer;
import io.storyline.stories.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stories stage ({@link StoryClusterer}) seen as a {@link Steps.StoryStep}. The clusterer reports where each
 * article went; what else changed (the touched story's summary, stories merged into others, stories closed and
 * threaded into topics, topics grown) is found by watching the stories it has reported as open: a merged one
 * resolves to another id ({@link StoryClusterer#currentStory}), a closed one has a topic
 * ({@link StoryClusterer#topicOf}). Summaries are read from {@link StoryClusterer#stories()} only when something
 * changed.
 */
final class ClusteredStories implements Steps.StoryStep {
  private final StoryClusterer clusterer;
  private final Set<String> open = new LinkedHashSet<>();
  private final Set<String> touched = new LinkedHashSet<>();
  private final Map<String, String> merged = new LinkedHashMap<>();
  private final Map<String, TopicSummary> topics = new HashMap<>();

  ClusteredStories(StoryClusterer clusterer) {
    this.clusterer = clusterer;
  }

  @Override
  public String place(Article article, String copyGroup) {
    Assignment a = clusterer.add(article, copyGroup);
    String id = clusterer.currentStory(a.storyId());
    touched.add(id);
    for (Iterator<String> it = open.iterator(); it.hasNext(); ) {
      String s = it.next();
      String now = clusterer.currentStory(s);
      if (!now.equals(s)) {
        merged.put(s, now);
        touched.add(now);
        it.remove();
      } else if (clusterer.topicOf(s).isPresent()) {
        touched.add(s); // closed and threaded into a topic
        it.remove();
      }
    }
    if (clusterer.topicOf(id).isEmpty()) {
      open.add(id);
    }
    return id;
  }

  @Override
  public Steps.StoryChanges drainChanges() {
    if (touched.isEmpty() && merged.isEmpty()) {
      return Steps.StoryChanges.NONE;
    }
    List<StorySummary> stories = new ArrayList<>();
    for (Story s : clusterer.stories()) {
      if (touched.contains(s.id())) {
        stories.add(new StorySummary(s.id(), s.headline(), s.firstSeen(), s.lastSeen(), s.size(), s.outlets(),
            s.entities(), s.topicId()));
      }
    }
    List<TopicSummary> changedTopics = new ArrayList<>();
    if (stories.stream().anyMatch(s -> s.topicId() != null)) {
      for (Topic t : clusterer.topics()) {
        TopicSummary now = new TopicSummary(t.id(), t.label(), t.storyIds(), t.firstSeen(), t.lastSeen());
        if (!now.equals(topics.put(t.id(), now))) {
          changedTopics.add(now);
        }
      }
    }
    Steps.StoryChanges out = new Steps.StoryChanges(stories, changedTopics, merged);
    touched.clear();
    merged.clear();
    return out;
  }
}
