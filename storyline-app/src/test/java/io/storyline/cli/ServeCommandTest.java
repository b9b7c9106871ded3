package io.storyline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void aTakenPortIsAFailureThatSaysWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun r = CliRun.of("serve", "--store", dir.resolve("store").toString(), "--port",
          Integer.toString(taken.getLocalPort()));
      assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
      assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()).contains("--port");
    }
  }

  @Test
  void badOptionsAreUsageErrors() {
    CliRun port = CliRun.of("serve", "--port", "70000", "--store", dir.toString());
    assertThat(port.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(port.err()).contains("--port must be between 0 and 65535, got 70000");
    CliRun size = CliRun.of("serve", "--max-body-size", "lots", "--store", dir.toString());
    assertThat(size.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(size.err()).contains("expected a size");
    CliRun missing = CliRun.of("serve", "--ingest", dir.resolve("nope").toString(), "--store",
        dir.resolve("s").toString());
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err()).contains("input not found");
  }
}
