package io.sealtrail.ingest.http;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written, for paths no well-behaved client would send ({@code
 * /a|b}, {@code /%zz}, a backslash): {@code java.net.http} refuses to build them.
 */
final class RawHttp {
  private RawHttp() {}

  /** The raw answer (status line, headers, body) to {@code method target} on {@code server}. */
  static Raw send(URI server, String method, String target) throws Exception {
    try (Socket socket = new Socket(server.getHost(), server.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String request =
          method
              + " "
              + target
              + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return new Raw(answer.toString(StandardCharsets.UTF_8));
    }
  }

  /** An answer as text. */
  record Raw(String text) {
    int status() {
      return Integer.parseInt(text.split(" ", 3)[1]);
    }

    String header(String name) {
      for (String line : text.split("\r\n")) {
        if (line.isEmpty()) {
          break;
        }
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return null;
    }

    String body() {
      int start = text.indexOf("\r\n\r\n");
      return start < 0 ? "" : text.substring(start + 4);
    }
  }
}
