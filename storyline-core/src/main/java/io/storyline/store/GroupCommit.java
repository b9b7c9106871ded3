package io.storyline.store;

import java.io.IOException;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.lucene.index.IndexWriter;

/**
 * Group commit: callers that wrote to the {@link IndexWriter} wait here until a commit covers their last operation
 * (Lucene sequence number). One caller at a time runs {@link IndexWriter#commit()}; the ones arriving meanwhile
 * wait and are covered by the next commit together, so N concurrent writers cost about one fsync round each
 * instead of N. A commit that fails leaves the store failed: every later call throws, since the writer's memory
 * may hold changes that are not on disk (reopen the store to recover from the last commit).
 */
final class GroupCommit {
  private final IndexWriter writer;
  private final Map<String, String> userData;
  private final LongConsumer afterCommit;
  private long durable = -1;
  private boolean committing;
  private Throwable failure;
  private long commits;

  /**
   * @param userData    commit user data written with every commit
   * @param afterCommit run after each successful commit with the last operation it covers (e.g. refresh the
   *                    readers), before the waiters are released
   */
  GroupCommit(IndexWriter writer, Map<String, String> userData, LongConsumer afterCommit) {
    this.writer = writer;
    this.userData = Map.copyOf(userData);
    this.afterCommit = afterCommit;
  }

  /** Returns once every operation with sequence number {@code <= seqNo} is in a commit on disk. */
  void awaitDurable(long seqNo) throws IOException {
    while (true) {
      synchronized (this) {
        while (true) {
          check();
          if (durable >= seqNo) {
            return;
          }
          if (!committing) {
            committing = true;
            break;
          }
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a commit", e);
          }
        }
      }
      long covered;
      try {
        writer.setLiveCommitData(userData.entrySet());
        covered = writer.commit();
        afterCommit.accept(covered);
      } catch (IOException | RuntimeException | Error e) {
        synchronized (this) {
          failure = e;
          committing = false;
          notifyAll();
        }
        throw e instanceof IOException ? (IOException) e : new IOException("commit failed: " + e, e);
      }
      synchronized (this) {
        durable = Math.max(durable, covered);
        committing = false;
        commits++;
        notifyAll();
      }
    }
  }

  /** Commits whatever was written so far. */
  void commitNow() throws IOException {
    awaitDurable(writer.getMaxCompletedSequenceNumber());
  }

  /** Number of commits made. */
  synchronized long commits() {
    return commits;
  }

  /** Throws when an earlier commit failed. */
  synchronized void check() throws IOException {
    if (failure != null) {
      throw new IOException("the store could not commit earlier (" + failure.getMessage()
          + "); nothing written since is durable: restart to reopen it from the last commit", failure);
    }
  }
}
