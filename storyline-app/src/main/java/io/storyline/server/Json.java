package io.storyline.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.javalin.http.Context;
import java.time.Instant;

/** JSON answers: records with null fields left out, {@link Instant}s as ISO-8601 strings, UTF-8. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .registerModule(new SimpleModule("storyline-time").addSerializer(Instant.class, ToStringSerializer.instance));

  private Json() {}

  static void send(Context ctx, int status, Object body) {
    String text;
    try {
      text = MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getName() + ": " + e.getMessage(), e);
    }
    ctx.status(status).contentType("application/json; charset=utf-8").result(text);
  }
}
