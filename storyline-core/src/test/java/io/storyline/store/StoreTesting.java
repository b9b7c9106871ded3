package io.storyline.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * For tests of other modules (the server, the UI): a store whose copies and stories stages are the predictable
 * stand-ins of {@link FakeSteps} (same title = copies, first title word = story, two stories = topic "t1"), so
 * that pages and endpoints for stories, topics and copy groups can be tested whatever the real stages do.
 */
public final class StoreTesting {
  private StoreTesting() {}

  public static Store openWithPredictableStages(Path dir) throws IOException {
    return Store.builder().directory(dir).steps(new FakeSteps()).open();
  }
}
