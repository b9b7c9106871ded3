package io.storyline.cli;

import io.storyline.ingest.Ingest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The input and output options every stage command shares ({@code read}, {@code extract}, {@code copies},
 * {@code stories}, {@code run}, ...): {@code INPUT...}, {@code -o/--output}, {@code --max-file-size},
 * {@code -q/--quiet}. Use it as a picocli mixin and hand it to {@link InputRun#start}:
 *
 * <pre>{@code
 * @CommandLine.Mixin InputOptions io;
 * }</pre>
 */
final class InputOptions {

  @Parameters(arity = "1..*", paramLabel = "INPUT",
      description = "Files or directories to read (directories recursively, sorted, hidden files skipped): "
          + ".txt, .html/.htm, .jsonl, .warc/.warc.gz, each optionally gzip-compressed (.gz).")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write the JSON lines to FILE instead of standard output ('-' also means standard output). "
          + "FILE may not be one of the inputs; inside an input folder it is not read.")
  Path output;

  @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "20MB", converter = SizeConverter.class,
      description = "Largest document to read: a text/HTML file, a JSON line or a WARC record's page "
          + "(e.g. 512KB, 20MB, 1GB; default ${DEFAULT-VALUE}). Larger ones are skipped and reported.")
  long maxFileSize;

  @Option(names = {"-q", "--quiet"},
      description = "On standard error, print only the final summary: no progress and no line per problem.")
  boolean quiet;

  /** The output file, or null for standard output. */
  Path outputFile() {
    return output == null || output.toString().equals("-") ? null : output;
  }

  /**
   * A reader configured from these options: the size limit, and the output file passed over in folder walks (so a
   * run never reads what it is writing).
   */
  Ingest.Builder ingest() {
    Ingest.Builder b = Ingest.builder().maxFileSize(maxFileSize);
    Path out = outputFile();
    return out == null ? b : b.exclude(out);
  }

  /**
   * Rejects an output file that is one of the inputs (opening it for writing would empty the input before it is
   * read) as a usage error.
   */
  void checkOutput(CommandLine.Model.CommandSpec spec) {
    Path out = outputFile();
    if (out == null || !Files.exists(out)) {
      return;
    }
    for (Path in : inputs) {
      try {
        if (Files.exists(in) && Files.isSameFile(in, out)) {
          throw new CommandLine.ParameterException(spec.commandLine(), "the output file " + out
              + " is also an input; writing it would destroy the input: choose another -o/--output");
        }
      } catch (java.io.IOException e) {
        // cannot tell: opening the input or the output reports the problem
      }
    }
  }

  /** Parses sizes such as {@code 20MB}, {@code 512k}, {@code 1.5GB}, {@code 1000} (bytes); units are binary. */
  static final class SizeConverter implements CommandLine.ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)(?:i?b)?",
        Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
      Matcher m = SIZE.matcher(value.trim());
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "expected a size such as 512KB, 20MB or 1GB, got '" + value + "'");
      }
      double n = Double.parseDouble(m.group(1));
      switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "k":
          n *= 1024;
          break;
        case "m":
          n *= 1024 * 1024;
          break;
        case "g":
          n *= 1024L * 1024 * 1024;
          break;
        default:
          break;
      }
      long bytes = (long) n;
      if (bytes < 1 || bytes > Ingest.MAX_FILE_SIZE_LIMIT) {
        throw new CommandLine.TypeConversionException(
            "size must be between 1 byte and 2GB, got '" + value + "'");
      }
      return bytes;
    }
  }
}
