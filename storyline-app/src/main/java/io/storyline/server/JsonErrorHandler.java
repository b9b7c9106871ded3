package io.storyline.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself, before Javalin sees the request (a malformed request line, headers too large,
 * an illegal URI): the same {@code {error, detail}} JSON as the API, never an HTML page or a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {

  @Override
  protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
      String contentType, List<Charset> charsets, int code, String message, Throwable cause) throws IOException {
    String reason = HttpStatus.getMessage(code);
    String detail = message == null || message.isBlank() ? reason : message;
    String body = Json.MAPPER.writeValueAsString(new Views.Error(reason.toLowerCase(java.util.Locale.ROOT), detail));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }
}
