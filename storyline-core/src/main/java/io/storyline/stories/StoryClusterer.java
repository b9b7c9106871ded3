package io.storyline.stories;

import io.storyline.extract.Article;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Online story clustering with topic threading: the front door of {@code io.storyline.stories}.
 *
 * <p>Documents arrive in publication-time order ({@link #inPublicationOrder} sorts a batch) and each joins the most
 * similar open story when the similarity reaches the threshold, else opens a story (single-pass clustering as in
 * Miranda et al. 2018; Staykovski et al. 2019; SCStory, Yoon et al. 2023). Similarity: see {@link Similarity}.
 * A document whose copy group already has a story joins it without comparison, so a copy group never spans two
 * stories. A story closes when the stream time (the latest document time seen) is more than the window past its
 * last document; closing frees its working state and threads it into a topic ({@link TopicThreader}).
 *
 * <p>Defaults (chosen on the development data; see the README, "Evaluation / Stories", for the sweeps):
 * <ul>
 *   <li>window 3 days of inactivity: news stories on one event are reported within a day or two; follow-ups after a
 *       longer silence are new stories of the same topic;
 *   <li>time scale τ = 72 h in {@code exp(-gap/τ)}: same-day documents lose nothing, a day's gap costs 28%;
 *   <li>weights lexical 0.5, entities 0.2, embedding 0.3; thresholds as set in {@link Builder}.
 * </ul>
 * Memory: open stories cost O(1) each (bounded centroids, about 60 KB with embeddings); closed stories keep a
 * summary (~300 B) until {@link #drainClosed()}; topics as in {@link TopicThreader}. Not thread-safe: one
 * clusterer per stream.
 *
 * <pre>{@code
 * StoryClusterer clusterer = StoryClusterer.builder().embeddings(true).build();
 * for (StoryInput in : StoryClusterer.inPublicationOrder(batch)) clusterer.add(in);
 * clusterer.flush(); List<Story> stories = clusterer.stories(); List<Topic> topics = clusterer.topics();
 * }</pre>
 */
public final class StoryClusterer {
  private final double threshold;
  private final double mergeThreshold;
  private final Duration window;
  private final Clock clock;
  private final Similarity similarity;
  private final Featurizer featurizer;
  private final TopicThreader topics;
  /** Candidate retrieval among open stories; null when every open story must be scored (embeddings on). */
  private final OpenIndex index;

  private final LinkedHashMap<String, StoryState> open = new LinkedHashMap<>();
  private final Map<String, Story> closed = new LinkedHashMap<>();
  private final Map<String, String> storyOfGroup = new HashMap<>();
  private final Map<String, String> mergedInto = new HashMap<>();
  private final Map<String, List<String>> groupsOfStory = new HashMap<>();
  private Instant streamTime;
  private Instant previousTime;
  private int nextStory;

  private StoryClusterer(Builder b) {
    this.threshold = b.threshold;
    this.mergeThreshold = b.mergeThreshold;
    this.window = b.window;
    this.clock = b.clock;
    this.similarity = new Similarity(b.lexicalWeight, b.entityWeight, b.embeddings ? b.embeddingWeight : 0,
        b.timeScale.toMinutes() / 60.0);
    this.featurizer = new Featurizer(b.embeddings ? new SentenceEmbedder() : null);
    boolean indexed = b.indexed && similarity.zeroWithoutSharedKeys();
    this.index = indexed && threshold > 0 && mergeThreshold > 0 ? new OpenIndex(similarity) : null;
    this.topics = new TopicThreader(b.topicThreshold, b.maxTopics, indexed);
    featurizer.seed(b.seedDocuments, b.seedTerms, b.seedEntities);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Sorts a batch for {@link #add}: dated documents by (publication time, id); a document without a usable date
   * keeps its place after the dated document that preceded it in the input (the ones before any dated document go
   * right after the first one), so it inherits that time. The result depends on the input order only through
   * undated documents. The input is not modified.
   */
  public static List<StoryInput> inPublicationOrder(Collection<StoryInput> batch) {
    return inPublicationOrder(batch, Clock.systemUTC());
  }

  /** {@link #inPublicationOrder(Collection)} with the clock used to reject dates in the future. */
  public static List<StoryInput> inPublicationOrder(Collection<StoryInput> batch, Clock clock) {
    return PublicationOrder.sort(batch, clock.instant());
  }

  /**
   * Why a publication date cannot place a document in the stream ({@code null} when it can): missing, the epoch (a
   * parse default), or more than a day after {@code now}. Public for callers that order or block a stream themselves
   * (the Spark job computes {@link #inPublicationOrder}'s order across a cluster).
   */
  public static String dateProblem(Instant published, Instant now) {
    return DateCheck.problem(published, Objects.requireNonNull(now, "now"));
  }

  /** One entity extractor per thread for {@link #entityKeys} (OpenNLP taggers keep state). */
  private static final ThreadLocal<EntityExtractor> ENTITIES = ThreadLocal.withInitial(EntityExtractor::new);

  /**
   * The keys of an article's named entities (as the clusterer compares them), most mentioned first, first mentioned
   * first on ties. Public for callers that block a large stream by entity before clustering each block (the Spark
   * job); costs one entity extraction. The article is not modified.
   */
  public static List<String> entityKeys(Article article) {
    Objects.requireNonNull(article, "article");
    return features(article, false).entityKeysByMentions();
  }

  /**
   * The stream-independent features of an article ({@link StoryFeatures}): what {@link #add(Article, String)}
   * computes before weighing, for callers that compute them apart from the clustering (in parallel, or once for
   * several clusterers). {@code embeddings} must match the clusterer that takes them. The article is not modified.
   */
  public static StoryFeatures features(Article article, boolean embeddings) {
    Objects.requireNonNull(article, "article");
    return Featurizer.read(article, ENTITIES.get(), embeddings ? EMBEDDER : null);
  }

  private static final SentenceEmbedder EMBEDDER = new SentenceEmbedder();

  /**
   * Places one document from its {@link #features features}: the same as {@link #add(Article, String)} on the
   * article they were computed from.
   */
  public Assignment add(StoryFeatures features, String copyGroup) {
    Objects.requireNonNull(features, "features");
    if (featurizer.embeds() && !features.embedded()) {
      throw new IllegalArgumentException("the features of '" + features.id() + "' were computed without "
          + "embeddings but this clusterer uses them; compute them with features(article, true)");
    }
    Dated d = date(features.published());
    return place(featurizer.weigh(features, d.time), copyGroup, d.source, d.problem);
  }

  /**
   * Takes in a document that belongs to a story outside this clusterer (a stream cut into pieces: its copy group's
   * story was placed by another piece): it advances the stream time (closing idle stories) and counts in the
   * document frequencies as {@link #add} would, and joins no story here.
   */
  public void observe(StoryFeatures features) {
    Objects.requireNonNull(features, "features");
    Dated d = date(features.published());
    DocumentFeatures doc = featurizer.weigh(features, d.time);
    if (streamTime == null || doc.time().isAfter(streamTime)) {
      streamTime = doc.time();
    }
    closeIdle();
  }

  /** Adds one document; see {@link #add(Article, String)}. */
  public Assignment add(StoryInput input) {
    return add(input.article(), input.copyGroup());
  }

  /**
   * Places one document: it joins its copy group's story, else the most similar open story above the threshold,
   * else opens a story. A document without a usable date takes the previous document's time (or the clock's, for
   * the first); the assignment says which. Never throws for bad content; the article is not modified.
   */
  public Assignment add(Article article, String copyGroup) {
    Objects.requireNonNull(article, "article");
    Dated d = date(article.published());
    return place(featurizer.features(article, d.time), copyGroup, d.source, d.problem);
  }

  private record Dated(Instant time, DateSource source, String problem) {}

  private Dated date(Instant published) {
    Instant now = clock.instant();
    String problem = DateCheck.problem(published, now);
    Dated d;
    if (problem == null) {
      d = new Dated(published, DateSource.PUBLISHED, null);
    } else if (previousTime != null) {
      d = new Dated(previousTime, DateSource.PREVIOUS_DOCUMENT, problem);
    } else {
      d = new Dated(now, DateSource.ARRIVAL, problem);
    }
    previousTime = d.time;
    return d;
  }

  /**
   * A batch in publication order with its features computed once, to be clustered again with other parameters
   * ({@link #addAll(Prepared)}): threshold sweeps and held-out estimates replay it instead of re-running the
   * entity tagger and the embedding model. Features are label-free (document frequencies come from the batch).
   */
  public static final class Prepared {
    private final List<StoryInput> inputs;
    private final List<DocumentFeatures> features;
    private final List<Dated> dates;
    private final boolean embeddings;

    private Prepared(List<StoryInput> inputs, List<DocumentFeatures> features, List<Dated> dates,
        boolean embeddings) {
      this.inputs = List.copyOf(inputs);
      this.features = List.copyOf(features);
      this.dates = List.copyOf(dates);
      this.embeddings = embeddings;
    }

    /** The inputs, in publication order. */
    public List<StoryInput> inputs() {
      return inputs;
    }

    /** The documents whose inputs pass {@code keep}, features unchanged. */
    public Prepared subset(java.util.function.Predicate<StoryInput> keep) {
      List<StoryInput> in = new ArrayList<>();
      List<DocumentFeatures> f = new ArrayList<>();
      List<Dated> d = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        if (keep.test(inputs.get(i))) {
          in.add(inputs.get(i));
          f.add(features.get(i));
          d.add(dates.get(i));
        }
      }
      return new Prepared(in, f, d, embeddings);
    }
  }

  /**
   * Sorts a batch ({@link #inPublicationOrder}) and computes its features with this clusterer's settings. The
   * features are exactly those {@link #add} would compute; the document frequencies of this clusterer take the
   * batch in, so prepare with a clusterer used for nothing else, and replay into fresh ones.
   */
  public Prepared prepare(Collection<StoryInput> batch) {
    List<StoryInput> ordered = inPublicationOrder(batch, clock);
    List<DocumentFeatures> features = new ArrayList<>(ordered.size());
    List<Dated> dates = new ArrayList<>(ordered.size());
    for (StoryInput in : ordered) {
      Dated d = date(in.article().published());
      dates.add(d);
      features.add(featurizer.features(in.article(), d.time));
    }
    return new Prepared(ordered, features, dates, featurizer.embeds());
  }

  /** Places every document of a prepared batch, in order; the assignments follow {@link Prepared#inputs()}. */
  public List<Assignment> addAll(Prepared batch) {
    if (featurizer.embeds() && !batch.embeddings) {
      throw new IllegalArgumentException("the batch was prepared without embeddings but this clusterer uses them; "
          + "prepare it with a clusterer built with embeddings(true)");
    }
    List<Assignment> out = new ArrayList<>(batch.inputs.size());
    for (int i = 0; i < batch.inputs.size(); i++) {
      Dated d = batch.dates.get(i);
      out.add(place(batch.features.get(i), batch.inputs.get(i).copyGroup(), d.source, d.problem));
    }
    return out;
  }

  /** Featurizes without placing (for tuning runs that replay the same features with other parameters). */
  DocumentFeatures featurize(Article article, Instant time) {
    return featurizer.features(article, time);
  }

  /** Places a featurized document (its time already resolved). */
  Assignment place(DocumentFeatures doc, String copyGroup, DateSource source, String problem) {
    Instant time = doc.time();
    if (streamTime == null || time.isAfter(streamTime)) {
      streamTime = time;
    }
    closeIdle();
    String groupStory = copyGroup == null ? null : currentStory(storyOfGroup.getOrDefault(copyGroup, ""));
    groupStory = groupStory == null || groupStory.isEmpty() ? null : groupStory;
    if (groupStory != null) {
      StoryState s = open.get(groupStory);
      if (s != null) {
        s.add(doc, Double.NEGATIVE_INFINITY);
        if (index != null) {
          index.post(s, doc);
        }
        groupStory = mergeSimilar(s).id;
      } else {
        closed.computeIfPresent(groupStory, (k, v) -> v.plus(time, doc.outlet()));
      }
      return new Assignment(doc.id(), copyGroup, groupStory, time, source, problem,
          Assignment.Basis.COPY_GROUP, Double.NaN);
    }
    StoryState best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    // with the index, the stories left out score 0 < threshold (see OpenIndex): the same choice as the scan
    for (StoryState s : index != null ? index.candidates(doc, threshold) : open.values()) {
      double score = similarity.score(doc, s);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    Assignment.Basis basis;
    if (best != null && bestScore >= threshold) {
      best.add(doc, bestScore);
      if (index != null) {
        index.post(best, doc);
      }
      best = mergeSimilar(best);
      basis = Assignment.Basis.SIMILARITY;
    } else {
      best = new StoryState("s" + (++nextStory), doc);
      open.put(best.id, best);
      if (index != null) {
        index.post(best, doc);
      }
      basis = Assignment.Basis.NEW_STORY;
      bestScore = Double.NaN;
    }
    if (copyGroup != null) {
      storyOfGroup.put(copyGroup, best.id);
      groupsOfStory.computeIfAbsent(best.id, k -> new ArrayList<>()).add(copyGroup);
    }
    return new Assignment(doc.id(), copyGroup, best.id, time, source, problem, basis, bestScore);
  }

  /**
   * After {@code grown} took a document, merges into it every open story now at least {@code mergeThreshold}
   * similar (repeatedly: a merge can make the next one similar). The story opened first survives and keeps its id;
   * {@link #currentStory} maps the ids of merged stories to it. This repairs the main failure of single-pass
   * clustering, a story split because its first documents happened to differ (see the README numbers).
   */
  private StoryState mergeSimilar(StoryState grown) {
    if (mergeThreshold > 1) {
      return grown;
    }
    boolean merged = true;
    while (merged) {
      merged = false;
      for (StoryState o : index != null ? index.mergeCandidates(grown, mergeThreshold) : open.values()) {
        if (o != grown && similarity.score(grown, o) >= mergeThreshold) {
          StoryState keep = number(o.id) < number(grown.id) ? o : grown;
          StoryState gone = keep == o ? grown : o;
          keep.absorb(gone);
          open.remove(gone.id);
          if (index != null) {
            index.absorb(keep, gone);
          }
          mergedInto.put(gone.id, keep.id);
          List<String> groups = groupsOfStory.remove(gone.id);
          if (groups != null) {
            groupsOfStory.computeIfAbsent(keep.id, k -> new ArrayList<>()).addAll(groups);
          }
          grown = keep;
          merged = true;
          break;
        }
      }
    }
    return grown;
  }

  private static int number(String storyId) {
    return Integer.parseInt(storyId.substring(1));
  }

  /**
   * The story a story id now stands for: itself, or the story it was merged into. Assignments name the story at
   * the time of the assignment; resolve them through this at the end of a batch.
   */
  public String currentStory(String storyId) {
    String id = storyId;
    for (String next; (next = mergedInto.get(id)) != null; ) {
      id = next;
    }
    return id;
  }

  /** Closes every open story (threading each into a topic); call at the end of a batch. */
  public void flush() {
    List<StoryState> all = new ArrayList<>(open.values());
    all.sort(Comparator.comparing((StoryState s) -> s.last).thenComparing(s -> s.id));
    for (StoryState s : all) {
      close(s);
      if (index != null) {
        index.remove(s);
      }
    }
    open.clear();
  }

  /** Summaries of all stories not yet drained: closed ones (with topic) then open ones, in order of opening. */
  public List<Story> stories() {
    List<Story> out = new ArrayList<>(closed.values());
    for (StoryState s : open.values()) {
      out.add(s.summary(null));
    }
    out.sort(Comparator.comparingInt(s -> Integer.parseInt(s.id().substring(1))));
    return out;
  }

  /**
   * Removes and returns the summaries of closed stories, with their copy groups and merge aliases (for
   * long-running streams: call it after reading {@link #currentStory} for the documents you still hold).
   */
  public List<Story> drainClosed() {
    List<Story> out = new ArrayList<>(closed.values());
    java.util.Set<String> drained = new java.util.HashSet<>();
    for (Story s : out) {
      drained.add(s.id());
      List<String> groups = groupsOfStory.remove(s.id());
      if (groups != null) {
        groups.forEach(storyOfGroup::remove);
      }
    }
    List<String> aliases = new ArrayList<>();
    for (String id : mergedInto.keySet()) {
      if (drained.contains(currentStory(id))) {
        aliases.add(id);
      }
    }
    mergedInto.keySet().removeAll(aliases);
    closed.clear();
    return out;
  }

  /** The topic of a closed story, if it is still known. */
  public Optional<String> topicOf(String storyId) {
    Story s = closed.get(storyId);
    return s == null ? Optional.empty() : Optional.ofNullable(s.topicId());
  }

  /** Topics of the closed stories, in order of their first document. */
  public List<Topic> topics() {
    return topics.topics(closed);
  }

  /** Number of open stories (the working set). */
  public int openStories() {
    return open.size();
  }

  /** Distinct terms and entity keys seen (the online document-frequency tables). */
  public int vocabularySize() {
    return featurizer.vocabularySize();
  }

  private void closeIdle() {
    Instant horizon = streamTime.minus(window);
    for (Iterator<StoryState> it = open.values().iterator(); it.hasNext(); ) {
      StoryState s = it.next();
      if (s.last.isBefore(horizon)) {
        it.remove();
        if (index != null) {
          index.remove(s);
        }
        close(s);
      }
    }
  }

  private void close(StoryState s) {
    Story summary = s.summary(null);
    String topic = topics.thread(s, summary);
    closed.put(s.id, summary.withTopic(topic));
  }

  /** Options of a {@link StoryClusterer}; each may be set once. */
  public static final class Builder {
    private double threshold = 0.20;
    private double topicThreshold = 0.25;
    private double mergeThreshold = 0.3;
    private double lexicalWeight = 0.5;
    private double entityWeight = 0.2;
    private double embeddingWeight = 0.3;
    private Duration window = Duration.ofDays(3);
    private Duration timeScale = Duration.ofHours(72);
    private boolean embeddings = true;
    private int maxTopics = 20_000;
    private Clock clock = Clock.systemUTC();
    private boolean indexed = true;
    private long seedDocuments;
    private Map<String, Integer> seedTerms = Map.of();
    private Map<String, Integer> seedEntities = Map.of();
    private final java.util.Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    private void once(String option) {
      if (!set.add(option)) {
        throw new IllegalStateException(option + " was already set on this builder");
      }
    }

    private static double unit(String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1], was " + v);
      }
      return v;
    }

    /** Minimum similarity for a document to join a story (default 0.20). */
    public Builder threshold(double v) {
      once("threshold");
      threshold = unit("threshold", v);
      return this;
    }

    /**
     * Minimum similarity between two open stories for them to merge (default 0.3); a value above 1 turns
     * merging off.
     */
    public Builder mergeThreshold(double v) {
      once("mergeThreshold");
      if (!(v >= 0)) {
        throw new IllegalArgumentException("mergeThreshold must be >= 0, was " + v);
      }
      mergeThreshold = v;
      return this;
    }

    /** Minimum similarity for a closed story to join a topic (default 0.25). */
    public Builder topicThreshold(double v) {
      once("topicThreshold");
      topicThreshold = unit("topicThreshold", v);
      return this;
    }

    /** Relative weights of the lexical, entity and embedding cosines (defaults 0.5, 0.2, 0.3). */
    public Builder weights(double lexical, double entity, double embedding) {
      once("weights");
      lexicalWeight = unit("lexical weight", lexical);
      entityWeight = unit("entity weight", entity);
      embeddingWeight = unit("embedding weight", embedding);
      return this;
    }

    /** How long a story stays open after its last document (default 3 days). */
    public Builder window(Duration v) {
      once("window");
      if (v == null || v.isNegative() || v.isZero()) {
        throw new IllegalArgumentException("window must be positive, was " + v);
      }
      window = v;
      return this;
    }

    /** τ of the time decay {@code exp(-gap/τ)} (default 72 hours). */
    public Builder timeScale(Duration v) {
      once("timeScale");
      if (v == null || v.toMinutes() < 1) {
        throw new IllegalArgumentException("timeScale must be at least a minute, was " + v);
      }
      timeScale = v;
      return this;
    }

    /** Whether to add MiniLM sentence embeddings to the features (default true). */
    public Builder embeddings(boolean v) {
      once("embeddings");
      embeddings = v;
      return this;
    }

    /** How many topics to remember; the least recently extended is forgotten beyond (default 20000). */
    public Builder maxTopics(int v) {
      once("maxTopics");
      if (v < 1) {
        throw new IllegalArgumentException("maxTopics must be >= 1, was " + v);
      }
      maxTopics = v;
      return this;
    }

    /** Clock for undated first documents and the "date in the future" check (default system UTC). */
    public Builder clock(Clock v) {
      once("clock");
      clock = Objects.requireNonNull(v, "clock");
      return this;
    }

    /**
     * Document frequencies of the documents before this clusterer's first, for a stream cut into pieces (the Spark
     * job clusters time blocks apart): {@code documents} earlier documents, and how many of them held each term and
     * each entity key ({@link StoryFeatures#termKeys}, {@link StoryFeatures#entityKeys}); only the keys of the
     * documents to come matter. The clusterer then weighs terms as one clusterer over the whole stream would.
     */
    public Builder documentFrequencies(long documents, Map<String, Integer> terms, Map<String, Integer> entities) {
      once("documentFrequencies");
      if (documents < 0) {
        throw new IllegalArgumentException("documents must be >= 0, was " + documents);
      }
      seedDocuments = documents;
      seedTerms = Map.copyOf(terms);
      seedEntities = Map.copyOf(entities);
      return this;
    }

    /** Whether open stories and topics are found through an inverted index (default true; tests compare both). */
    Builder indexed(boolean v) {
      once("indexed");
      indexed = v;
      return this;
    }

    public StoryClusterer build() {
      if (lexicalWeight + entityWeight + (embeddings ? embeddingWeight : 0) <= 0) {
        throw new IllegalStateException("weights are all zero" + (embeddings ? "" : " (embeddings are off)")
            + ": give weights(lexical, entity, embedding) at least one positive weight");
      }
      return new StoryClusterer(this);
    }
  }
}
