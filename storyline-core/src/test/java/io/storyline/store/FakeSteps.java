package io.storyline.store;

import io.storyline.stories.Story;
import io.storyline.stories.Topic;
import io.storyline.extract.Article;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Test stand-ins for the copies and stories stages, simple enough to predict: articles with the same title are
 * copies (the first one is the origin); articles whose titles share a key word are one story; once there are two
 * stories they are threaded into one topic "t1"; an article titled "merge A B" joins story s-a and merges story
 * s-b into it. Deterministic, like the real stages must be.
 */
final class FakeSteps implements Steps.Factory {
  private final Function<String, String> storyKey;

  /** Stories by the first word of the title. */
  FakeSteps() {
    this(title -> title.split(" ")[0]);
  }

  FakeSteps(Function<String, String> storyKey) {
    this.storyKey = storyKey;
  }

  @Override
  public Steps.CopyStep copies(Clock clock, java.nio.file.Path directory) {
    return new Steps.CopyStep() {
      private final Map<String, String> firstWithTitle = new HashMap<>();

      @Override
      public Steps.Linked link(Article a) {
        if (a.title() == null) {
          return Steps.Linked.NONE;
        }
        String first = firstWithTitle.putIfAbsent(a.title(), a.id());
        if (first == null) {
          return Steps.Linked.NONE;
        }
        String group = "c-" + first;
        return new Steps.Linked(new Steps.CopyLink(group, "copy", List.of(first)),
            Map.of(first, new Steps.CopyLink(group, "original", List.of())));
      }

      @Override
      public List<CopyGroupView.Change> diff(Article from, Article to) {
        if (from.text().equals(to.text())) {
          return List.of(new CopyGroupView.Change(CopyGroupView.Change.Kind.SAME, to.text()));
        }
        return List.of(new CopyGroupView.Change(CopyGroupView.Change.Kind.REMOVED, from.text()),
            new CopyGroupView.Change(CopyGroupView.Change.Kind.ADDED, " " + to.text()));
      }
    };
  }

  @Override
  public Steps.StoryStep stories(Clock clock) {
    return new Steps.StoryStep() {
      private final Map<String, Story> stories = new LinkedHashMap<>();
      private final List<Story> changed = new ArrayList<>();
      private final List<Topic> topics = new ArrayList<>();
      private final Map<String, String> merged = new LinkedHashMap<>();

      @Override
      public String place(Article a, String copyGroup) {
        if (a.title() != null && a.title().startsWith("merge ")) {
          String[] w = a.title().toLowerCase(Locale.ROOT).split(" ");
          Story keep = stories.get("s-" + w[1]);
          Story gone = stories.remove("s-" + w[2]);
          Story both = new Story(keep.id(), keep.headline(), keep.firstSeen(), keep.lastSeen(),
              keep.size() + gone.size() + 1, keep.outlets(), keep.entities(), keep.topicId());
          stories.put(keep.id(), both);
          changed.add(both);
          merged.put(gone.id(), keep.id());
          return gone.id(); // as of placing; the merge (reported in drainChanges) moves it to the survivor
        }
        String id = "s-" + storyKey.apply(a.title() == null ? "untitled" : a.title()).toLowerCase(Locale.ROOT);
        Instant t = a.published() != null ? a.published() : clock.instant();
        Story old = stories.get(id);
        List<String> outlets = new ArrayList<>(old == null ? List.of() : old.outlets());
        if (a.outlet() != null && !outlets.contains(a.outlet())) {
          outlets.add(a.outlet());
        }
        String topic = stories.size() + (old == null ? 1 : 0) >= 2 ? "t1" : null;
        Story now = old == null
            ? new Story(id, a.title(), t, t, 1, outlets, List.of("Entity"), topic)
            : new Story(id, old.headline(), t.isBefore(old.firstSeen()) ? t : old.firstSeen(),
                t.isAfter(old.lastSeen()) ? t : old.lastSeen(), old.size() + 1, outlets, old.entities(), topic);
        stories.put(id, now);
        changed.add(now);
        if (topic != null) {
          for (Story s : List.copyOf(stories.values())) {
            if (s.topicId() == null) {
              Story threaded = new Story(s.id(), s.headline(), s.firstSeen(), s.lastSeen(), s.size(),
                  s.outlets(), s.entities(), topic);
              stories.put(s.id(), threaded);
              changed.add(threaded);
            }
          }
          Instant first = stories.values().stream().map(Story::firstSeen).min(Instant::compareTo).get();
          Instant last = stories.values().stream().map(Story::lastSeen).max(Instant::compareTo).get();
          topics.add(new Topic(topic, "Entity", List.copyOf(stories.keySet()), first, last));
        }
        return id;
      }

      @Override
      public Steps.StoryChanges drainChanges() {
        Steps.StoryChanges out = new Steps.StoryChanges(changed, topics, merged);
        changed.clear();
        topics.clear();
        merged.clear();
        return out;
      }
    };
  }
}
