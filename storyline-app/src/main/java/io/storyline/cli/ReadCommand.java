package io.storyline.cli;

import io.storyline.ingest.RawDocument;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storyline read INPUT... [-o FILE]}: one JSON line per document read, without extraction. */
@Command(
    name = "read",
    mixinStandardHelpOptions = true,
    description = {
        "Read the inputs and write one JSON line per document: id, location, kind (text/html/none), charset, "
            + "characters, and url/title/published/source when the input supplies them.",
        "Problems (empty, binary, corrupt, duplicate, malformed) are named on stderr and summarised at the end."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:everything was read",
        "1:failure (an input does not exist, nothing could be read)",
        "2:usage error",
        "3:partial: some files, lines or records were skipped (named on stderr)"})
final class ReadCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @CommandLine.Mixin InputOptions io;

  @Option(names = "--content", description = "Also write each document's decoded text or HTML.")
  boolean content;

  /** One line of output. */
  record Line(String id, String location, String kind, String charset, int characters, String url, String title,
      Instant published, String source, String content) {

    static Line of(RawDocument d, boolean withContent) {
      return new Line(d.id(), d.location(), d.kind().name().toLowerCase(Locale.ROOT), d.charset(), d.characters(),
          d.url(), d.title(), d.published(), d.source(), withContent ? d.content() : null);
    }
  }

  @Override
  public Integer call() {
    try (InputRun run = InputRun.start(io, spec)) {
      run.forEach(doc -> run.output().write(Line.of(doc, content)));
      return run.finish();
    }
  }
}
