package io.sealtrail.cli.query;

import com.sun.net.httpserver.HttpServer;
import io.sealtrail.cli.Sealtrail;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a free port that answers each path (with its query) with a canned status,
 * media type and body, and records the requests' Authorization headers: the other side of the read
 * API for the CLI's client tests.
 */
final class CannedApi implements AutoCloseable {
  record Answer(int status, String type, String body, Map<String, String> headers) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final List<String> accepts = new CopyOnWriteArrayList<>();

  /** Each request's method, path and body: {@code POST /v1/holds {...}}. */
  final List<String> requests = new CopyOnWriteArrayList<>();

  CannedApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          Answer a =
              answers.getOrDefault(
                  exchange.getRequestURI().toString(), problem(404, "no such route"));
          byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", a.type());
          a.headers().forEach(exchange.getResponseHeaders()::add);
          exchange.sendResponseHeaders(a.status(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  /** A started API, for a test's field initialiser. */
  static CannedApi started() {
    try {
      return new CannedApi();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  CannedApi answer(String pathAndQuery, int status, String type, String body) {
    answers.put(pathAndQuery, new Answer(status, type, body, Map.of()));
    return this;
  }

  CannedApi answer(String pathAndQuery, Answer answer) {
    answers.put(pathAndQuery, answer);
    return this;
  }

  static Answer problem(int status, String detail) {
    return new Answer(
        status,
        "application/problem+json",
        "{\"type\":\"https://sealtrail.io/problems/x\",\"title\":\"t\",\"status\":"
            + status
            + ",\"detail\":\""
            + detail
            + "\"}",
        status == 503 ? Map.of("Retry-After", "2") : Map.of());
  }

  /** What a run of the command printed and how it ended. */
  record Run(int exit, String out, String err) {}

  /** Runs {@code sealtrail args} against this API with {@code token}, capturing its output. */
  Run sealtrail(String token, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cli = Sealtrail.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--url";
    all[args.length + 1] = url().toString();
    all[args.length + 2] = "--token";
    all[args.length + 3] = token;
    int exit = cli.execute(all);
    return new Run(exit, out.toString(), err.toString());
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
