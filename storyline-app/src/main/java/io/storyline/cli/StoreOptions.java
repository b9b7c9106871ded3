package io.storyline.cli;

import io.storyline.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --store DIR} option of the commands that use the persistent store ({@code run}, {@code serve}). */
final class StoreOptions {

  @Option(names = "--store", paramLabel = "DIR", defaultValue = "storyline-data",
      description = "The store folder (created when absent; default ${DEFAULT-VALUE}).")
  Path directory = Store.DEFAULT_DIRECTORY;

  /** Opens the store, or fails with a message naming the folder. */
  Store open() {
    try {
      return Store.open(directory);
    } catch (IOException e) {
      throw new CliFailure("cannot open the store " + directory + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new CliFailure("cannot open the store " + directory + " (" + e.getClass().getSimpleName() + ": "
          + e.getMessage() + "); is it a storyline store? Use another --store or remove it to start afresh", e);
    }
  }
}
