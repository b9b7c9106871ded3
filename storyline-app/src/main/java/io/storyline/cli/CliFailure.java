package io.storyline.cli;

/**
 * A failure that ends a command with exit code {@link ExitCodes#FAILURE}: the message (naming the input and the
 * next step) is printed on stderr after the command name, without a stack trace.
 */
final class CliFailure extends RuntimeException {
  CliFailure(String message) {
    super(message, null, false, false);
  }

  CliFailure(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
