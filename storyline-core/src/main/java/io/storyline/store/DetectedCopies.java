package io.storyline.store;

import io.storyline.copies.CopyDetector;
import io.storyline.copies.CopyDocument;
import io.storyline.copies.CopyIndex;
import io.storyline.copies.CopyMatch;
import io.storyline.copies.CopyResult;
import io.storyline.copies.Relation;
import io.storyline.copies.Source;
import io.storyline.copies.TextDiff;
import io.storyline.extract.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The copies stage ({@link CopyIndex}) seen as a {@link Steps.CopyStep}. After each article it reads the copy
 * results of the documents whose link the article can change (see {@link #link}) and reports those that changed. Only groups of two or more are copy groups;
 * a document outside any group keeps its {@code partial} relation and sources with no group. The index cannot
 * replace a document: an updated article keeps the links of its first version until the store is reopened (the
 * replay indexes the current texts); the replay also settles the rare relation of a member that an original moving
 * to a newcomer would change. Each {@code CopyIndex.result} call reads one group and one
 * document's relations (not the whole index), so an add costs a few reads of the groups it touches.
 */
final class DetectedCopies implements Steps.CopyStep {
  private final CopyDetector detector;
  private final CopyIndex index;
  private final Map<Integer, Set<String>> members = new HashMap<>();
  private final Map<String, Integer> groupOf = new HashMap<>();
  private final Map<String, Steps.CopyLink> links = new HashMap<>();
  private final Map<Integer, String> originOf = new HashMap<>();

  /** @param textFile where the index keeps the texts it verifies against (truncated now, deleted on close) */
  DetectedCopies(CopyDetector detector, Path textFile) throws IOException {
    this.detector = detector;
    this.index = detector.newIndex(textFile);
  }

  @Override
  public void close() throws IOException {
    index.close();
  }

  @Override
  public Steps.Linked link(Article article) {
    if (index.result(article.id()) != null) {
      return new Steps.Linked(links.getOrDefault(article.id(), Steps.CopyLink.NONE), Map.of());
    }
    CopyMatch match = index.add(CopyDocument.of(article));
    CopyResult own = index.result(article.id());
    // Whose link can change: the article; what it shares text with (they may join a group or change relation);
    // every member of a group merged into the article's group (the group id changes); the groups' originals
    // before and after (the original can move to the newcomer). Other members keep their group, sources and
    // relation, so they are not re-read: this keeps an add at a few reads instead of one per group member.
    Set<String> affected = new LinkedHashSet<>();
    affected.add(article.id());
    affected.add(own.origin());
    for (Source s : match.sources()) {
      affected.add(s.id());
      Integer g = groupOf.get(s.id());
      if (g != null) {
        affected.add(originOf.get(g));
        if (g != own.group()) {
          affected.addAll(members.getOrDefault(g, Set.of()));
        }
      }
    }
    affected.remove(null);
    Map<String, CopyResult> results = new LinkedHashMap<>();
    for (String id : affected) {
      CopyResult r = id.equals(article.id()) ? own : index.result(id);
      results.put(id, r);
      Set<String> old = members.get(groupOf.getOrDefault(id, -1));
      if (old != null) {
        old.remove(id);
      }
      members.computeIfAbsent(r.group(), k -> new LinkedHashSet<>()).add(id);
      groupOf.put(id, r.group());
      originOf.put(r.group(), r.origin());
    }
    Map<String, Steps.CopyLink> changed = new HashMap<>();
    Steps.CopyLink ownLink = null;
    for (CopyResult r : results.values()) {
      Steps.CopyLink link = link(r, members.get(r.group()).size());
      if (r.id().equals(article.id())) {
        ownLink = link;
      } else if (!link.equals(links.get(r.id()))) {
        changed.put(r.id(), link);
      }
      links.put(r.id(), link);
    }
    return new Steps.Linked(ownLink, changed);
  }

  private static Steps.CopyLink link(CopyResult r, int groupSize) {
    List<String> sources = r.sources().stream().map(Source::id).toList();
    if (groupSize >= 2) {
      return new Steps.CopyLink("g" + r.group(), r.relation().label(), sources);
    }
    return r.relation() == Relation.PARTIAL ? new Steps.CopyLink(null, r.relation().label(), sources)
        : Steps.CopyLink.NONE;
  }

  @Override
  public List<CopyGroupView.Change> diff(Article from, Article to) {
    TextDiff d = detector.diff(from.text(), to.text());
    List<CopyGroupView.Change> out = new ArrayList<>();
    for (TextDiff.Segment s : d.segments()) {
      switch (s.kind()) {
        case EQUAL -> out.add(new CopyGroupView.Change(CopyGroupView.Change.Kind.SAME, s.before()));
        case ADDED -> out.add(new CopyGroupView.Change(CopyGroupView.Change.Kind.ADDED, s.after()));
        case REMOVED -> out.add(new CopyGroupView.Change(CopyGroupView.Change.Kind.REMOVED, s.before()));
        default -> {
          out.add(new CopyGroupView.Change(CopyGroupView.Change.Kind.REMOVED, s.before()));
          out.add(new CopyGroupView.Change(CopyGroupView.Change.Kind.ADDED, s.after()));
        }
      }
    }
    return out;
  }
}
