package io.storyline.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * One walk over a parsed page that gathers what three stages read before anything is removed: the page index for
 * metadata and hints ({@link HtmlPageIndex}, whole page), the text statistics of the body ({@link HtmlStats}) and
 * the elements the first cleaning pass will judge ({@link HtmlCleaner.Candidates}).
 *
 * <p>Why one walk: each was a full walk of the DOM of its own, about 7% of the HTML stage each (JFR, one thread,
 * readability pages), and a good part of that is the walk itself (visiting ~800 elements and ~1,200 text nodes
 * a page, most of them whitespace). The cleaner cannot judge during the walk, as its rules need the statistics of
 * the whole subtree and of the whole body; it gets the candidates in document order instead and judges them after
 * (see {@link HtmlCleaner#clean(HtmlCleaner.Candidates, Element, HtmlStats, java.util.Set)} for why that is the
 * same).
 */
final class HtmlPageScan {

  final HtmlPageIndex index;
  final HtmlStats stats;
  final HtmlCleaner.Candidates candidates;

  private HtmlPageScan(HtmlStats stats, HtmlPageIndex index, HtmlCleaner.Candidates candidates) {
    this.stats = stats;
    this.index = index;
    this.candidates = candidates;
  }

  static HtmlPageScan of(Document doc, Element body) {
    HtmlStats.Builder statsBuilder = new HtmlStats.Builder(body);
    HtmlPageIndex index = new HtmlPageIndex();
    HtmlCleaner.Candidates candidates = new HtmlCleaner.Candidates();
    HtmlWalk.walk(doc, new HtmlWalk.Visitor() {
      /** Depth below the body's start, 0 outside the body. */
      int inBody;

      @Override
      public void head(Node node) {
        if (node instanceof Element) {
          Element e = (Element) node;
          index.visit(e);
          if (e == body) {
            inBody = 1;
          } else if (inBody > 0) {
            inBody++;
          }
          if (inBody > 0) {
            candidates.head(e);
          }
        }
        if (inBody > 0) {
          statsBuilder.head(node);
        }
      }

      @Override
      public void tail(Node node) {
        if (inBody == 0) {
          return;
        }
        statsBuilder.tail(node);
        if (node instanceof Element) {
          candidates.tail((Element) node);
          inBody--;
        }
      }
    });
    return new HtmlPageScan(statsBuilder.build(), index, candidates);
  }
}
