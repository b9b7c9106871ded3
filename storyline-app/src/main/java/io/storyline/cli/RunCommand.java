package io.storyline.cli;

import io.storyline.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code storyline run INPUT... [--store DIR]}: the whole pipeline into the persistent store, incrementally. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
        "Run the whole pipeline (read, extract, copies, stories) into the persistent store, incrementally: "
            + "a document whose id is stored with the same content is left alone (unchanged), a changed one "
            + "replaces it (updated), a new one is added.",
        "Writes one JSON line per document once it is durably stored: id, outcome, copy group, relation, "
            + "sources, story, topic. Problems are named on stderr; the summary counts added, updated, "
            + "unchanged and skipped documents."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:everything was read and stored",
        "1:failure (an input does not exist, the store cannot be opened or written)",
        "2:usage error",
        "3:partial: some files, lines, records or documents were skipped (named on stderr)"})
final class RunCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin InputOptions io;
  @CommandLine.Mixin StoreOptions storeOptions;

  @Override
  public Integer call() {
    try (Store store = storeOptions.open(); InputRun run = InputRun.start(io, spec)) {
      StoreIngest ingest = new StoreIngest(store, run, true, spec.commandLine().getErr(), spec.qualifiedName());
      ingest.ingestAll();
      int code = run.finish();
      ingest.printSummary(spec.commandLine().getErr(), spec.qualifiedName());
      return code;
    } catch (java.io.IOException e) {
      throw new CliFailure("cannot close the store " + storeOptions.directory + ": " + e.getMessage(), e);
    }
  }
}
