package io.sealtrail.ingest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.sealtrail.trust.json.JsonDefects;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    requireUtf8(body);
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
    } catch (JsonProcessingException e) {
      // Syntax, and the parser's limits (nesting, number length): the client's body, in our words.
      throw unreadable(JsonDefects.describe(e), e.getLocation());
    } catch (IOException e) {
      // The body is in memory, so any other read failure is about its content (e.g. an invalid
      // character sequence): the client's mistake, never a 500.
      throw unreadable("the body is not readable JSON", null);
    }
  }

  /** The envelopes of an NDJSON body: JSON objects separated by line breaks. */
  public static SplitBody ndjson(byte[] body) {
    requireUtf8(body);
    try (JsonParser parser = JSON.createParser(body)) {
      List<byte[]> envelopes = new ArrayList<>();
      while (parser.nextToken() != null) {
        requireObject(parser, "line value " + envelopes.size() + " is not an object");
        envelopes.add(object(parser, body));
      }
      return new SplitBody(nonEmpty(envelopes, parser), true);
    } catch (JsonProcessingException e) {
      // Syntax, and the parser's limits (nesting, number length): the client's body, in our words.
      throw unreadable(JsonDefects.describe(e), e.getLocation());
    } catch (IOException e) {
      // The body is in memory, so any other read failure is about its content (e.g. an invalid
      // character sequence): the client's mistake, never a 500.
      throw unreadable("the body is not readable JSON", null);
    }
  }

  /**
   * Refuses a body that is not UTF-8, as the contract says, before Jackson would detect UTF-16 or
   * UTF-32 on its own: it then counts characters, not bytes, and envelopes could not be cut out of
   * the body as received. A NUL byte is never in UTF-8 JSON; it is how UTF-16/32 ASCII looks.
   */
  private static void requireUtf8(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(8192);
    CoderResult result;
    do {
      out.clear();
      result = decoder.decode(in, out, true);
    } while (result.isOverflow());
    int bad = result.isError() ? in.position() : indexOfNul(body);
    if (bad >= 0) {
      throw notUtf8(body, bad);
    }
  }

  private static int indexOfNul(byte[] body) {
    for (int i = 0; i < body.length; i++) {
      if (body[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  private static UnreadableBodyException notUtf8(byte[] body, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (body[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new UnreadableBodyException(
        "the body must be UTF-8 JSON; byte " + offset + " is not UTF-8 text",
        line,
        offset - lineStart + 1,
        offset);
  }

  /** Reads the object the parser is at and returns its bytes, from '{' to the matching '}'. */
  private static byte[] object(JsonParser parser, byte[] body) throws IOException {
    int start = (int) parser.currentTokenLocation().getByteOffset();
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

  private static UnreadableBodyException unreadable(String message, JsonLocation at) {
    JsonLocation where = at == null ? JsonLocation.NA : at;
    return new UnreadableBodyException(
        message,
        Math.max(0, where.getLineNr()),
        Math.max(0, where.getColumnNr()),
        Math.max(0, where.getByteOffset()));
  }
}
