package io.sealtrail.cli.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Reads a {@code text/event-stream} line by line (the WHATWG format): {@code data:} lines are
 * joined until a blank line ends the event, comments ({@code :}) and other fields are skipped.
 */
final class ServerSentEvents {
  /** What is done with each event's data. */
  interface Handler {
    void onData(String data) throws IOException;
  }

  private final Handler handler;

  ServerSentEvents(Handler handler) {
    this.handler = handler;
  }

  void read(Stream<String> lines) throws IOException {
    StringBuilder data = null;
    Iterator<String> it = lines.iterator();
    try {
      while (it.hasNext()) {
        String line = it.next();
        if (line.isEmpty()) {
          if (data != null) {
            handler.onData(data.toString());
          }
          data = null;
        } else if (line.startsWith("data:")) {
          String value = line.substring(5);
          value = value.startsWith(" ") ? value.substring(1) : value;
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
