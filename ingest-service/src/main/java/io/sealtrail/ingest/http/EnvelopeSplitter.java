package io.sealtrail.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a request body into the bytes of each envelope exactly as received, never re-serialising,
 * because the signatures cover the original payload bytes. Only the structure is checked here; what
 * is inside each object is the verifier's to judge.
 */
public final class EnvelopeSplitter {
  private static final JsonFactory JSON = new JsonFactory();

  private EnvelopeSplitter() {}

  /** The envelopes of a body that is one JSON object or a JSON array of objects. */
  public static SplitBody json(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        byte[] envelope = object(parser, body);
        expectEnd(parser, "content after the envelope");
        return new SplitBody(List.of(envelope), false);
      }
      if (first != JsonToken.START_ARRAY) {
        throw unreadable(parser, "expected an envelope object or an array of envelopes");
      }
      List<byte[]> envelopes = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        requireObject(parser, "array element " + envelopes.size() + " is not an object");
        envelopes.add(object(parser, body));
      }
      expectEnd(parser, "content after the array");
      return new SplitBody(nonEmpty(envelopes, parser), true);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** The envelopes of an NDJSON body: JSON objects separated by line breaks. */
  public static SplitBody ndjson(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      List<byte[]> envelopes = new ArrayList<>();
      while (parser.nextToken() != null) {
        requireObject(parser, "line value " + envelopes.size() + " is not an object");
        envelopes.add(object(parser, body));
      }
      return new SplitBody(nonEmpty(envelopes, parser), true);
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /** Reads the object the parser is at and returns its bytes, from '{' to the matching '}'. */
  private static byte[] object(JsonParser parser, byte[] body) throws IOException {
    int start = (int) parser.currentTokenLocation().getByteOffset();
    if (start < 0) {
      // Jackson detected UTF-16 or UTF-32 and counts characters: the bytes cannot be cut out.
      throw unreadable(parser, "the body is not UTF-8");
    }
    parser.skipChildren();
    int end = (int) parser.currentLocation().getByteOffset();
    return Arrays.copyOfRange(body, start, end);
  }

  private static void requireObject(JsonParser parser, String message) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw unreadable(parser, message);
    }
  }

  private static void expectEnd(JsonParser parser, String message) throws IOException {
    if (parser.nextToken() != null) {
      throw unreadable(parser, message);
    }
  }

  private static List<byte[]> nonEmpty(List<byte[]> envelopes, JsonParser parser) {
    if (envelopes.isEmpty()) {
      throw unreadable(parser, "no envelopes in the body");
    }
    return envelopes;
  }

  private static UnreadableBodyException unreadable(JsonParser parser, String message) {
    return unreadable(message, parser.currentTokenLocation());
  }

  /**
   * The body is in memory, so every IOException is about its content: bad JSON, nesting beyond
   * Jackson's limit (which comes without a location), an invalid UTF-32 sequence.
   */
  private static UnreadableBodyException unreadable(IOException e) {
    JsonLocation at = e instanceof JsonProcessingException json ? json.getLocation() : null;
    return unreadable(e.getMessage(), at == null ? JsonLocation.NA : at);
  }

  private static UnreadableBodyException unreadable(String message, JsonLocation at) {
    String firstLine = message == null ? "unreadable body" : message.lines().findFirst().orElse("");
    return new UnreadableBodyException(
        firstLine, at.getLineNr(), at.getColumnNr(), Math.max(0, at.getByteOffset()));
  }
}
