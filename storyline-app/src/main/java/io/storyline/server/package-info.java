/**
 * Server: the HTTP service over a {@link io.storyline.store.Store}. In: HTTP requests on one address (loopback by
 * default); out: the JSON API under {@code /api} and the web UI at {@code /}. {@link io.storyline.server.Server} is
 * the one entry point; the handlers ({@code Api}) only parse parameters, call the store and format {@code Views}.
 *
 * <pre>{@code
 * try (Store store = Store.open(dir); Server server = Server.builder().store(store).port(8080).build().start()) {
 *   System.out.println(server.url());   // http://127.0.0.1:8080/
 * }
 * }</pre>
 *
 * <h2>API</h2>
 * {@code POST /api/articles} (one JSON object, a JSON array or JSON Lines, fields of the JSONL input, parsed by
 * {@code RequestDocuments} through the ingest reader so both accept the same thing; the whole body is checked
 * before anything is stored), {@code GET /api/articles[/{id}]}, {@code /api/stories[/{id}]},
 * {@code /api/topics/{id}}, {@code /api/copies/{group}}, {@code /api/search}, {@code /api/health}. A POST is
 * answered after the store's commit: the answer means durable. Errors are JSON {@code {error, detail}} from every
 * layer: {@code ApiException} (400, 404, 413), Javalin's own (404, 405, 413 of an over-long chunked body), any
 * other exception (500, logged with its stack trace, never sent), and Jetty's (malformed requests, huge headers:
 * {@code JsonErrorHandler}).
 *
 * <h2>Web UI</h2>
 * Static files from {@code /io/storyline/server/ui} (no CDN): {@code index.html}, {@code style.css}, {@code app.js}
 * (plain JavaScript, hash routes {@code #/story/ID}, {@code #/topic/ID}, {@code #/article/ID}, {@code #/copies/G},
 * {@code #/search?q=}). Safety: scraped text only ever becomes text nodes (the script has no HTML sink; a test
 * checks), links to an article's URL only for http(s); every answer carries a Content-Security-Policy with
 * {@code script-src 'self'} and no inline script, {@code nosniff}, {@code frame-ancestors 'none'}.
 *
 * <h2>Limits and threads</h2>
 * Jetty's thread pool serves requests; a POST blocks its thread until the commit (group commit makes concurrent
 * POSTs share one). Bodies over {@code maxBodySize} get 413 (read and dropped when at most 1 MB over, so that the
 * client sees the answer). Binding an address other than loopback exposes an API without authentication: put it
 * behind a proxy that adds it.
 */
package io.storyline.server;
