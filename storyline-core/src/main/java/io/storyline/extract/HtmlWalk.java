package io.storyline.extract;

import org.jsoup.nodes.Node;

/**
 * Depth-first walk over a subtree that must not change during the walk, calling {@link Visitor#head} before a
 * node's children and {@link Visitor#tail} after them, like jsoup's {@code NodeTraversor.traverse}.
 *
 * <p>Why not NodeTraversor: it finds each next node through {@code nextSibling()}, which asks the node for its
 * index among its siblings (jsoup 1.24 revalidates those indexes lazily) and checks that the visitor did not
 * remove or replace the node. The walks of the HTML stage never change the tree, so a stack of (parent, next
 * child index) is enough; NodeTraversor's own frames were 4–5% of the HTML stage (JFR).
 */
final class HtmlWalk {

  /** What a walk calls for each node. */
  interface Visitor {
    void head(Node node);

    void tail(Node node);
  }

  private HtmlWalk() {}

  static void walk(Node root, Visitor visitor) {
    Node[] parents = new Node[32];
    int[] next = new int[32];
    int top = 0;
    parents[0] = root;
    visitor.head(root);
    while (top >= 0) {
      Node parent = parents[top];
      int i = next[top];
      if (i < parent.childNodeSize()) {
        next[top] = i + 1;
        Node child = parent.childNode(i);
        visitor.head(child);
        if (child.childNodeSize() > 0) {
          if (++top == parents.length) {
            parents = java.util.Arrays.copyOf(parents, 2 * top);
            next = java.util.Arrays.copyOf(next, 2 * top);
          }
          parents[top] = child;
          next[top] = 0;
        } else {
          visitor.tail(child);
        }
      } else {
        visitor.tail(parent);
        top--;
      }
    }
  }
}
