/**
 * The {@code storyline} command line: thin shells over the library.
 *
 * <p>Each command is one class that parses its options, calls the stage's public entry type and formats the
 * result; no pipeline logic lives here. Commands that read documents share {@link io.storyline.cli.InputOptions}
 * ({@code INPUT...}, {@code -o/--output}, {@code --max-file-size}, {@code -q}) and {@link io.storyline.cli.InputRun},
 * which opens the inputs, reports skipped input on stderr, shows progress, counts and picks the exit code
 * ({@link io.storyline.cli.ExitCodes}: 0 all read, 3 partial, 1 failure, 2 usage). The commands on the persistent
 * store ({@code run}, {@code serve}) add {@code --store DIR} ({@code StoreOptions}) and feed documents to the store
 * in committed batches ({@code StoreIngest}: a line is printed once its document is durable).
 *
 * <pre>{@code
 * try (InputRun run = InputRun.start(io, spec)) {
 *   run.forEach(doc -> run.output().write(toJson(doc)));
 *   return run.finish();
 * }
 * }</pre>
 */
package io.storyline.cli;
