package io.storyline.store;

import io.storyline.stories.Story;
import io.storyline.stories.Topic;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyline.extract.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene layout of the store: one document per article, story and topic, told apart by {@link #TYPE}.
 *
 * <pre>
 * article: type=article, aid, hash, seq (point+docvalues+stored), added, title/text (English analyzer, stored),
 *          url, byline, published (point+docvalues millis; stored ISO), outlet, agency, dateline, language, status,
 *          removed (JSON), group, relation, sources (multi), story
 * story:   type=story, sid, headline (English analyzer), first/last (point+docvalues millis; stored ISO), size,
 *          outlets (multi), entities (multi), topic
 * topic:   type=topic, tid, label, stories (multi), first/last
 * </pre>
 *
 * Times are stored exactly as ISO-8601 strings and indexed as epoch milliseconds for ranges and sorting. A topic
 * is not copied into its articles (it changes when a story closes); readers resolve it through the story.
 */
final class Schema {
  static final String TYPE = "type";
  static final String ARTICLE = "article";
  static final String STORY = "story";
  static final String TOPIC = "topic";

  static final String AID = "aid";
  static final String HASH = "hash";
  static final String SEQ = "seq";
  static final String ADDED = "added";
  static final String TITLE = "title";
  static final String TEXT = "text";
  static final String URL = "url";
  static final String BYLINE = "byline";
  static final String PUBLISHED = "published";
  static final String OUTLET = "outlet";
  static final String AGENCY = "agency";
  static final String DATELINE = "dateline";
  static final String LANGUAGE = "language";
  static final String STATUS = "status";
  static final String REMOVED = "removed";
  static final String GROUP = "group";
  static final String RELATION = "relation";
  static final String SOURCES = "sources";
  static final String STORY_REF = "story";

  static final String SID = "sid";
  static final String HEADLINE = "headline";
  static final String FIRST = "first";
  static final String LAST = "last";
  static final String SIZE = "size";
  static final String OUTLETS = "outlets";
  static final String ENTITIES = "entities";
  static final String TOPIC_REF = "topic";

  static final String TID = "tid";
  static final String LABEL = "label";
  static final String STORIES = "stories";

  /** Commit user data: the layout version, checked on open. */
  static final String FORMAT_KEY = "storyline.format";
  static final String FORMAT = "1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() { };

  private Schema() {}

  /** English analysis (stop words, Porter stemming) for the full-text fields; the rest are keywords. */
  static Analyzer analyzer() {
    Analyzer english = new EnglishAnalyzer();
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(),
        Map.of(TITLE, english, TEXT, english, HEADLINE, english));
  }

  static Term articleKey(String id) {
    return new Term(AID, id);
  }

  static Term storyKey(String id) {
    return new Term(SID, id);
  }

  static Term topicKey(String id) {
    return new Term(TID, id);
  }

  static Document article(StoredArticle s) {
    Article a = s.article();
    Document d = new Document();
    d.add(new StringField(TYPE, ARTICLE, Field.Store.NO));
    d.add(new StringField(AID, a.id(), Field.Store.YES));
    d.add(new StoredField(HASH, s.contentHash()));
    d.add(new LongPoint(SEQ, s.seq()));
    d.add(new NumericDocValuesField(SEQ, s.seq()));
    d.add(new StoredField(SEQ, s.seq()));
    d.add(new StoredField(ADDED, s.added().toString()));
    if (a.title() != null) {
      d.add(new TextField(TITLE, a.title(), Field.Store.YES));
    }
    d.add(new TextField(TEXT, a.text(), Field.Store.YES));
    time(d, PUBLISHED, a.published());
    stored(d, URL, a.url());
    stored(d, BYLINE, a.byline());
    stored(d, OUTLET, a.outlet());
    stored(d, AGENCY, a.agency());
    stored(d, DATELINE, a.dateline());
    stored(d, LANGUAGE, a.language());
    d.add(new StoredField(STATUS, a.status().name()));
    if (!a.removed().isEmpty()) {
      d.add(new StoredField(REMOVED, json(a.removed())));
    }
    if (s.copyGroup() != null) {
      d.add(new StringField(GROUP, s.copyGroup(), Field.Store.YES));
    }
    stored(d, RELATION, s.relation());
    for (String source : s.sources()) {
      d.add(new StoredField(SOURCES, source));
    }
    if (s.storyId() != null) {
      d.add(new StringField(STORY_REF, s.storyId(), Field.Store.YES));
    }
    return d;
  }

  static StoredArticle article(Document d) {
    Article a = new Article(d.get(AID), d.get(URL), d.get(TITLE), d.get(TEXT), d.get(BYLINE), instant(d, PUBLISHED),
        d.get(OUTLET), d.get(AGENCY), d.get(DATELINE), d.get(LANGUAGE), Article.Status.valueOf(d.get(STATUS)),
        counts(d.get(REMOVED)));
    return new StoredArticle(a, d.get(HASH), d.getField(SEQ).numericValue().longValue(), instant(d, ADDED),
        d.get(GROUP), d.get(RELATION), List.of(d.getValues(SOURCES)), d.get(STORY_REF), null);
  }

  static Document story(Story s) {
    Document d = new Document();
    d.add(new StringField(TYPE, STORY, Field.Store.NO));
    d.add(new StringField(SID, s.id(), Field.Store.YES));
    d.add(new SortedDocValuesField(SID, new BytesRef(s.id())));
    if (s.headline() != null) {
      d.add(new TextField(HEADLINE, s.headline(), Field.Store.YES));
    }
    time(d, FIRST, s.firstSeen());
    time(d, LAST, s.lastSeen());
    d.add(new StoredField(SIZE, s.size()));
    for (String o : s.outlets()) {
      d.add(new StoredField(OUTLETS, o));
    }
    for (String e : s.entities()) {
      d.add(new StoredField(ENTITIES, e));
    }
    if (s.topicId() != null) {
      d.add(new StringField(TOPIC_REF, s.topicId(), Field.Store.YES));
    }
    return d;
  }

  static Story story(Document d) {
    return new Story(d.get(SID), d.get(HEADLINE), instant(d, FIRST), instant(d, LAST),
        d.getField(SIZE).numericValue().intValue(), List.of(d.getValues(OUTLETS)), List.of(d.getValues(ENTITIES)),
        d.get(TOPIC_REF));
  }

  static Document topic(Topic t) {
    Document d = new Document();
    d.add(new StringField(TYPE, TOPIC, Field.Store.NO));
    d.add(new StringField(TID, t.id(), Field.Store.YES));
    d.add(new StoredField(LABEL, t.label()));
    for (String s : t.storyIds()) {
      d.add(new StoredField(STORIES, s));
    }
    time(d, FIRST, t.firstSeen());
    time(d, LAST, t.lastSeen());
    return d;
  }

  static Topic topic(Document d) {
    return new Topic(d.get(TID), d.get(LABEL), List.of(d.getValues(STORIES)), instant(d, FIRST),
        instant(d, LAST));
  }

  private static void time(Document d, String field, Instant t) {
    if (t == null) {
      return;
    }
    long millis = t.toEpochMilli();
    d.add(new LongPoint(field, millis));
    d.add(new NumericDocValuesField(field, millis));
    d.add(new StoredField(field, t.toString()));
  }

  private static void stored(Document d, String field, String value) {
    if (value != null) {
      d.add(new StoredField(field, value));
    }
  }

  private static Instant instant(Document d, String field) {
    for (IndexableField f : d.getFields(field)) {
      if (f.stringValue() != null) {
        return Instant.parse(f.stringValue());
      }
    }
    return null;
  }

  private static String json(Map<String, Integer> counts) {
    try {
      return JSON.writeValueAsString(counts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write removed counts " + counts, e);
    }
  }

  private static Map<String, Integer> counts(String json) {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, COUNTS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored removed counts are not JSON: " + json, e);
    }
  }

  /** Values of a multi-valued stored field, in order. */
  static List<String> values(Document d, String field) {
    return new ArrayList<>(List.of(d.getValues(field)));
  }
}
