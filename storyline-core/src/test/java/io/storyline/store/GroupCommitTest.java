package io.storyline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private static Document doc(String id) {
    Document d = new Document();
    d.add(new StringField("id", id, Field.Store.YES));
    return d;
  }

  @Test
  void writersArrivingDuringACommitShareTheNextOne() throws Exception {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      CountDownLatch firstCommitDone = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      GroupCommit commits = new GroupCommit(writer, Map.of("k", "v"), covered -> {
        if (firstCommitDone.getCount() > 0) {
          firstCommitDone.countDown();
          try {
            release.await(10, TimeUnit.SECONDS); // hold the first commit open while others write
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      });
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        long first = writer.addDocument(doc("a"));
        Future<?> a = pool.submit(() -> {
          commits.awaitDurable(first);
          return null;
        });
        assertThat(firstCommitDone.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?>[] others = new Future<?>[3];
        for (int i = 0; i < others.length; i++) {
          long op = writer.addDocument(doc("b" + i));
          others[i] = pool.submit(() -> {
            commits.awaitDurable(op);
            return null;
          });
        }
        Thread.sleep(100); // let the three waiters queue up behind the running commit
        release.countDown();
        a.get(10, TimeUnit.SECONDS);
        for (Future<?> f : others) {
          f.get(10, TimeUnit.SECONDS);
        }
        assertThat(commits.commits()).isEqualTo(2);
        try (DirectoryReader r = DirectoryReader.open(dir)) {
          assertThat(r.numDocs()).isEqualTo(4);
        }
        assertThat(SegmentInfos.readLatestCommit(dir).getUserData()).containsEntry("k", "v");
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aFailedCommitFailsEveryLaterCaller() throws IOException {
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer()))) {
      GroupCommit commits = new GroupCommit(writer, Map.of(), covered -> {
        throw new IllegalStateException("disk full");
      });
      long op = writer.addDocument(doc("a"));
      assertThatThrownBy(() -> commits.awaitDurable(op)).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> commits.awaitDurable(op)).isInstanceOf(IOException.class)
          .hasMessageContaining("disk full").hasMessageContaining("restart");
    }
  }
}
