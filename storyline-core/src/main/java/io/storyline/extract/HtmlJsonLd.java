package io.storyline.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects a page declares in {@code <script type="application/ld+json">} blocks.
 *
 * <p>Real pages write JSON-LD loosely: several blocks, arrays of objects, {@code @graph} containers, types as
 * strings, arrays or full IRIs ({@code http://schema.org/NewsArticle}), comments and raw newlines inside strings,
 * CDATA wrappers. The reader accepts all of these and skips a block it cannot parse.
 */
final class HtmlJsonLd {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
          JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_SINGLE_QUOTES,
          JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();
  /** Scripts larger than this are not parsed (bounded work on hostile pages). */
  private static final int MAX_SCRIPT_CHARS = 2_000_000;
  private static final int MAX_OBJECTS = 500;
  private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
      "liveblogposting", "socialmediaposting", "discussionforumposting", "report", "scholarlyarticle",
      "techarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "reviewnewsarticle",
      "backgroundnewsarticle", "askpublicnewsarticle", "satiricalarticle", "advertisercontentarticle", "review",
      "medicalscholarlyarticle", "posting");
  private static final Set<String> LIST_TYPES = Set.of("collectionpage", "itemlist", "searchresultspage");

  private final List<JsonNode> objects;

  private HtmlJsonLd(List<JsonNode> objects) {
    this.objects = objects;
  }

  static HtmlJsonLd read(List<Element> scripts) {
    List<JsonNode> objects = new ArrayList<>();
    for (Element script : scripts) {
      String data = script.data().strip();
      if (data.isEmpty() || data.length() > MAX_SCRIPT_CHARS) {
        continue;
      }
      if (data.startsWith("<![CDATA[")) {
        data = data.substring(9, data.endsWith("]]>") ? data.length() - 3 : data.length());
      }
      try (JsonParser p = JSON.createParser(data)) {
        JsonNode root = JSON.readTree(p);
        if (root != null) {
          collect(root, objects, 0);
        }
      } catch (java.io.IOException | RuntimeException e) {
        // A block that does not parse is skipped: the page's other metadata still counts.
      }
    }
    return new HtmlJsonLd(objects);
  }

  private static void collect(JsonNode node, List<JsonNode> out, int depth) {
    if (depth > 4 || out.size() >= MAX_OBJECTS) {
      return;
    }
    if (node.isArray()) {
      for (JsonNode n : node) {
        collect(n, out, depth + 1);
      }
    } else if (node.isObject()) {
      if (node.has("@type")) {
        out.add(node);
      }
      JsonNode graph = node.get("@graph");
      if (graph != null) {
        collect(graph, out, depth + 1);
      }
      JsonNode main = node.get("mainEntity");
      if (main != null && main.isObject()) {
        collect(main, out, depth + 1);
      }
    }
  }

  /** The article object: the first of an article type with a headline, else the first of an article type. */
  JsonNode article() {
    JsonNode first = null;
    for (JsonNode o : objects) {
      if (hasType(o, ARTICLE_TYPES)) {
        if (!string(o, "headline").isEmpty() || !string(o, "articleBody").isEmpty()) {
          return o;
        }
        first = first == null ? o : first;
      }
    }
    return first;
  }

  /** Whether the page declares itself a collection, list or search page. */
  boolean declaresList() {
    return objects.stream().anyMatch(o -> hasType(o, LIST_TYPES));
  }

  /** The first object of any of the given lower-case types (e.g. "webpage", "website", "organization"). */
  JsonNode first(Set<String> types) {
    return objects.stream().filter(o -> hasType(o, types)).findFirst().orElse(null);
  }

  static boolean hasType(JsonNode o, Set<String> types) {
    JsonNode t = o.get("@type");
    if (t == null) {
      return false;
    }
    if (t.isArray()) {
      for (JsonNode x : t) {
        if (types.contains(simpleType(x.asText()))) {
          return true;
        }
      }
      return false;
    }
    return types.contains(simpleType(t.asText()));
  }

  /** Whether a schema.org type name ("NewsArticle", "BlogPosting") is an article type. */
  static boolean isArticleType(String simpleName) {
    return ARTICLE_TYPES.contains(simpleName.toLowerCase(java.util.Locale.ROOT));
  }

  private static String simpleType(String type) {
    int cut = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
    return type.substring(cut + 1).strip().toLowerCase(java.util.Locale.ROOT);
  }

  /** A text field: a string, or the {@code name} / {@code @value} of an object, or the first of an array. */
  static String string(JsonNode o, String field) {
    if (o == null) {
      return "";
    }
    return text(o.get(field));
  }

  static String text(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isArray()) {
      return v.size() == 0 ? "" : text(v.get(0));
    }
    if (v.isObject()) {
      JsonNode name = v.has("name") ? v.get("name") : v.get("@value");
      return name == null || name.isContainerNode() ? "" : name.asText("").strip();
    }
    return v.asText("").strip();
  }

  /** Names of the {@code author} field: one string, an object with a name, or an array of either. */
  static List<String> names(JsonNode o, String field) {
    List<String> out = new ArrayList<>();
    JsonNode v = o == null ? null : o.get(field);
    if (v == null) {
      return out;
    }
    Iterable<JsonNode> items = v.isArray() ? v : List.of(v);
    for (JsonNode item : items) {
      String name = text(item);
      if (!name.isEmpty() && !out.contains(name) && !name.startsWith("http")) {
        out.add(name);
      }
    }
    return out;
  }
}
