package io.storyline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** One CLI invocation with captured standard output and error, for tests. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = StorylineCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Standard output as JSON objects, one per line. */
  List<JsonNode> lines() {
    return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank()).map(l -> {
      try {
        return JsonLinesWriter.MAPPER.readTree(l);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }).toList();
  }

  List<String> ids() {
    return lines().stream().map(n -> n.get("id").asText()).toList();
  }
}
