package io.storyline.cli;

import io.storyline.ingest.Ingest;
import io.storyline.server.Server;
import io.storyline.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storyline serve [--store DIR] [--port 8080] [--host 127.0.0.1] [--ingest INPUT...]}: the HTTP service. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
        "Serve the store over HTTP: the JSON API under /api and the web UI at /. Binds loopback unless told "
            + "otherwise; prints the URL once listening. Stop with Ctrl-C (every acknowledged write is already "
            + "durable).",
        "With --ingest, first runs the pipeline on those inputs (like 'storyline run'), then serves."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:stopped normally",
        "1:failure (the store cannot be opened, the port is taken, an --ingest input does not exist)",
        "2:usage error"})
final class ServeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin StoreOptions storeOptions;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to bind (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--max-body-size", paramLabel = "SIZE", defaultValue = "10MB",
      converter = InputOptions.SizeConverter.class,
      description = "Largest request body, e.g. 512KB, 10MB (default ${DEFAULT-VALUE}); larger ones get 413.")
  long maxBody;

  @Option(names = "--ingest", paramLabel = "INPUT", arity = "1..*",
      description = "Before serving, read these files or directories into the store (new and changed documents "
          + "only).")
  List<Path> ingest;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got "
          + port);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Store store = storeOptions.open();
    Server server;
    try {
      if (ingest != null && !ingest.isEmpty()) {
        ingest(store);
      }
      server = Server.builder().store(store).host(host).port(port).maxBodySize(maxBody).build();
      server.start();
    } catch (RuntimeException e) {
      closeQuietly(store);
      if (e instanceof CliFailure) {
        throw e;
      }
      throw new CliFailure("cannot listen on " + host + ":" + port + " (" + rootMessage(e) + "); is another "
          + "server using the port? Choose another with --port", e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      closeQuietly(store);
      stopped.countDown();
    }, "storyline-shutdown"));
    Store.Stats s = store.stats();
    err.printf("%s: serving %,d articles, %,d stories from %s%n", spec.qualifiedName(), s.articles(), s.stories(),
        s.directory());
    if (!s.ready()) {
      err.printf("%s: replaying the stored articles through the copies and stories stages in the background; "
          + "reads work now, new articles wait until it is done (GET /api/health says ready)%n",
          spec.qualifiedName());
    }
    out.println("Storyline is running at " + server.url() + " (API: " + server.url() + "api/health); Ctrl-C to stop");
    out.flush();
    err.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private void ingest(Store store) {
    InputOptions io = new InputOptions();
    io.inputs = ingest;
    io.maxFileSize = Ingest.DEFAULT_MAX_FILE_SIZE;
    try (InputRun run = InputRun.start(io, spec)) {
      StoreIngest storeIngest = new StoreIngest(store, run, false, spec.commandLine().getErr(), spec.qualifiedName());
      storeIngest.ingestAll();
      run.finish();
      storeIngest.printSummary(spec.commandLine().getErr(), spec.qualifiedName());
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }

  private static void closeQuietly(Store store) {
    try {
      store.close();
    } catch (IOException e) {
      // stopping anyway; every acknowledged write is already committed
    }
  }
}
