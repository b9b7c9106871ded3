package io.storyline.server;

/** An error answer: HTTP status, a short kind and a detail sentence naming the bad value and what to do. */
final class ApiException extends RuntimeException {
  private final int status;
  private final String error;

  ApiException(int status, String error, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.error = error;
  }

  static ApiException badRequest(String detail) {
    return new ApiException(400, "bad request", detail);
  }

  static ApiException notFound(String detail) {
    return new ApiException(404, "not found", detail);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }
}
