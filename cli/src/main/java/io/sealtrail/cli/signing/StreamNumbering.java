package io.sealtrail.cli.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.client.outbox.StreamCounter;
import io.sealtrail.trust.event.StreamPosition;
import io.sealtrail.trust.json.StrictJson;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --stream NAME [--stream-state DIR]} of {@code sign} and {@code submit}: each event file
 * gets the stream's name and its next number (from 0) before it is signed, counted durably in
 * {@code <DIR>/<NAME>.next} (the client's {@link StreamCounter}), so later runs go on where this
 * one stopped and a number is never given twice.
 */
final class StreamNumbering {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Option(
      names = "--stream",
      paramLabel = "NAME",
      description =
          "Number each event in your stream NAME (e.g. a station id): adds \"stream\" and the next"
              + " \"sequence\" (from 0) to the event before signing. custody-stream raises"
              + " SEQUENCE_GAP for a number missing past its grace, SEQUENCE_REUSE for a number on"
              + " two events.")
  String stream;

  @Option(
      names = "--stream-state",
      paramLabel = "DIR",
      description = "Where the streams' counters are kept (default: ~/.sealtrail/streams).")
  Path state;

  private StreamCounter counter;

  boolean active() {
    return stream != null;
  }

  /**
   * The event {@code payload} of {@code file} with the stream's next number, taken durably; the
   * payload unchanged without {@code --stream}.
   */
  byte[] number(Path file, byte[] payload) throws IOException {
    if (!active()) {
      return payload;
    }
    JsonNode root;
    try {
      root = StrictJson.read(payload);
    } catch (StrictJson.Unreadable e) {
      throw new IllegalArgumentException(file + " is not a custody event: " + e.getMessage());
    }
    if (!(root instanceof ObjectNode event)) {
      throw new IllegalArgumentException(file + " is not a custody event: not a JSON object");
    }
    if (event.has(StreamPosition.STREAM) || event.has(StreamPosition.SEQUENCE)) {
      throw new IllegalArgumentException(
          file + " already has a stream or sequence: sign it without --stream");
    }
    StreamPosition position = new StreamPosition(stream, counter().take());
    event.put(StreamPosition.STREAM, position.stream());
    event.put(StreamPosition.SEQUENCE, position.sequence());
    return JSON.writeValueAsBytes(event);
  }

  private StreamCounter counter() throws IOException {
    if (counter == null) {
      try {
        new StreamPosition(stream, 0); // the contract's rule for a name, before a file is named
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--stream " + e.getMessage());
      }
      Path dir =
          state != null ? state : Path.of(System.getProperty("user.home"), ".sealtrail", "streams");
      counter = StreamCounter.open(dir, stream);
    }
    return counter;
  }
}
