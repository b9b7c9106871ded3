package io.storyline.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.storyline.store.Store;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Front door of the HTTP service: the JSON API and the web UI over one {@link Store}, on Javalin (Jetty). Binds
 * loopback unless told otherwise. Every error is JSON {@code {error, detail}}; a failure inside a handler is logged
 * and answered 500 without a stack trace.
 *
 * <pre>{@code
 * try (Store store = Store.open(dir); Server server = Server.builder().store(store).port(0).build().start()) {
 *   System.out.println("listening on " + server.url());
 * }
 * }</pre>
 */
public final class Server implements AutoCloseable {
  /** Default largest request body: 10 MB. */
  public static final long DEFAULT_MAX_BODY = 10L * 1024 * 1024;
  /** Where the web UI's static files are on the classpath. */
  static final String UI = "/io/storyline/server/ui";
  /**
   * A second layer under escaping: only the server's own scripts and styles run (no inline script, no event
   * handler attribute, no {@code javascript:} URL), nothing is framed or framing, no plugin.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  private static final Map<String, String> SECURITY_HEADERS = Map.of(
      "Content-Security-Policy", CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer",
      "X-Frame-Options", "DENY");
  /** How far over the body limit a request is still read (and dropped) before its 413. */
  static final long DRAIN_SLACK = 1L << 20;
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final Javalin app;
  private final String host;
  private final long maxBody;
  private boolean started;

  private Server(Builder b) {
    this.host = b.host;
    this.maxBody = b.maxBody;
    Api api = new Api(b.store);
    this.app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = b.maxBody;
      config.http.prefer405over404 = true;
      config.jetty.host = b.host;
      config.jetty.port = b.port;
      config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = UI;
        files.location = Location.CLASSPATH;
        files.headers = SECURITY_HEADERS;
      });
      config.routes.before(ctx -> SECURITY_HEADERS.forEach(ctx::header));
      config.routes.before("/api/*", ctx -> ctx.header("Cache-Control", "no-store"));
      config.routes.post("/api/articles", ctx -> {
        checkLength(ctx);
        api.postArticles(ctx);
      });
      config.routes.get("/api/articles", api::latestArticles);
      config.routes.get("/api/articles/{id}", api::getArticle);
      config.routes.get("/api/stories", api::listStories);
      config.routes.get("/api/stories/{id}", api::getStory);
      config.routes.get("/api/topics/{id}", api::getTopic);
      config.routes.get("/api/copies/{group}", api::getCopies);
      config.routes.get("/api/search", api::search);
      config.routes.get("/api/health", api::health);
      config.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.error(), e.getMessage()));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> httpError(ctx, e.getStatus(), e.getMessage()));
      config.routes.exception(IllegalArgumentException.class, (e, ctx) ->
          error(ctx, 400, "bad request", e.getMessage()));
      config.routes.exception(IOException.class, (e, ctx) -> {
        LOG.error("{} {}: the store failed", ctx.method(), ctx.path(), e);
        error(ctx, 503, "store unavailable", "the store could not be written or read (" + e.getMessage()
            + "); nothing of this request was acknowledged, retry later");
      });
      config.routes.exception(Exception.class, (e, ctx) -> {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        error(ctx, 500, "internal error", "the server failed on this request; the cause is in its log");
      });
      config.routes.error(404, ctx -> {
        if (!isJson(ctx)) {
          error(ctx, 404, "not found", "nothing at " + ctx.path() + "; the API is under /api (see /api/health)");
        }
      });
      config.routes.error(405, ctx -> {
        if (!isJson(ctx)) {
          error(ctx, 405, "method not allowed", ctx.method() + " is not supported on " + ctx.path());
        }
      });
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts listening; returns this. */
  public Server start() {
    if (started) {
      throw new IllegalStateException("the server is already started on " + url());
    }
    app.start();
    started = true;
    return this;
  }

  /** The port listened on (the chosen one when built with port 0). */
  public int port() {
    return app.port();
  }

  /** The URL of the web UI, e.g. {@code http://127.0.0.1:8080/}. */
  public URI url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + ("0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : h) + ":" + port() + "/");
  }

  /** Stops listening (requests in flight finish first). The store stays open: its owner closes it. */
  @Override
  public void close() {
    app.stop();
  }

  /**
   * Rejects a declared body over the limit before reading it. A body at most {@link #DRAIN_SLACK} over is read and
   * dropped first, so that a client that does not wait for {@code 100-continue} still gets the 413 instead of a
   * reset connection; larger ones are refused at once.
   */
  private void checkLength(Context ctx) throws IOException {
    long length = ctx.req().getContentLengthLong();
    if (length > maxBody) {
      if (length <= maxBody + DRAIN_SLACK) {
        ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      }
      throw new ApiException(413, "content too large", tooLarge());
    }
  }

  private String tooLarge() {
    return "the body is over the limit of " + maxBody + " bytes; send smaller batches (or start the server with a "
        + "larger --max-body-size)";
  }

  private void httpError(Context ctx, int status, String message) {
    if (status == 413) {
      error(ctx, 413, "content too large", tooLarge());
    } else if (status == 404) {
      error(ctx, 404, "not found", "nothing at " + ctx.path() + "; the API is under /api (see /api/health)");
    } else {
      String reason = io.javalin.http.HttpStatus.forStatus(status).getMessage();
      error(ctx, status, reason.toLowerCase(Locale.ROOT), message == null || message.isBlank() ? reason : message);
    }
  }

  private static boolean isJson(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith("application/json");
  }

  private static void error(Context ctx, int status, String error, String detail) {
    Json.send(ctx, status, new Views.Error(error, detail));
  }

  /** Options of a {@link Server}; each may be set once. */
  public static final class Builder {
    private Store store;
    private String host = "127.0.0.1";
    private boolean hostSet;
    private int port = 8080;
    private boolean portSet;
    private long maxBody = DEFAULT_MAX_BODY;
    private boolean maxBodySet;

    private Builder() {}

    /** The store to serve. Required. */
    public Builder store(Store s) {
      if (store != null) {
        throw new IllegalStateException("store was already set");
      }
      this.store = Objects.requireNonNull(s, "store");
      return this;
    }

    /** The address to bind; default 127.0.0.1 (loopback only). */
    public Builder host(String h) {
      if (hostSet) {
        throw new IllegalStateException("host was already set to " + host);
      }
      Objects.requireNonNull(h, "host");
      if (h.isBlank()) {
        throw new IllegalArgumentException("host must not be blank, got '" + h + "'");
      }
      this.host = h;
      this.hostSet = true;
      return this;
    }

    /** The port; 0 picks a free one. Default 8080. */
    public Builder port(int p) {
      if (portSet) {
        throw new IllegalStateException("port was already set to " + port);
      }
      if (p < 0 || p > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + p);
      }
      this.port = p;
      this.portSet = true;
      return this;
    }

    /** The largest request body in bytes (larger ones get 413); default {@link #DEFAULT_MAX_BODY}. */
    public Builder maxBodySize(long bytes) {
      if (maxBodySet) {
        throw new IllegalStateException("maxBodySize was already set to " + maxBody);
      }
      if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("maxBodySize must be between 1 and " + (Integer.MAX_VALUE - 8)
            + " bytes, got " + bytes);
      }
      this.maxBody = bytes;
      this.maxBodySet = true;
      return this;
    }

    public Server build() {
      if (store == null) {
        throw new IllegalStateException("store is required: Server.builder().store(store).build()");
      }
      return new Server(this);
    }
  }
}
