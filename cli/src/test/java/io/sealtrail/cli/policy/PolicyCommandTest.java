package io.sealtrail.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.sealtrail.cli.Sealtrail;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sealtrail policy get|set} against an HTTP server answering as ingest's policy route does:
 * the request each sends, and how an answer becomes output and exit code.
 */
class PolicyCommandTest {
  @TempDir Path dir;
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  private int putStatus = 200;
  private String putAnswer = "{\"version\":2}";

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/v1/policy",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " "
                  + new String(body, StandardCharsets.UTF_8));
          boolean put = exchange.getRequestMethod().equals("PUT");
          byte[] answer =
              (put ? putAnswer : "{\"version\":1,\"transit\":{}}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(put ? putStatus : 200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    Files.writeString(dir.resolve("admin.token"), "t0ken\n");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldPrintThePolicyInForceWhenGot() {
    var run = run("policy", "get");

    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("\"version\" : 1");
    assertThat(requests).containsExactly("GET Bearer t0ken ");
  }

  @Test
  void shouldPutTheWholeFileWhenSet() throws Exception {
    Path file = Files.writeString(dir.resolve("policy.json"), "{\"mayReport\":{}}");

    var run = run("policy", "set", file.toString());

    assertThat(run.exit()).isZero();
    assertThat(requests).containsExactly("PUT Bearer t0ken {\"mayReport\":{}}");
  }

  @Test
  void shouldExitOneNamingTheFieldWhenThePolicyIsRefused() throws Exception {
    putStatus = 422;
    putAnswer =
        "{\"title\":\"Policy not valid\",\"detail\":\"bad duration\",\"field\":\"/transit/defaultMin\"}";
    Path file = Files.writeString(dir.resolve("policy.json"), "{}");

    var run = run("policy", "set", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("422 Policy not valid: bad duration (/transit/defaultMin)");
  }

  @Test
  void shouldExitOneWithoutCallingWhenTheFileIsNotJson() throws Exception {
    Path file = Files.writeString(dir.resolve("policy.json"), "{\"mayReport\":");

    var run = run("policy", "set", file.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("is not JSON");
    assertThat(requests).isEmpty();
  }

  private Run run(String... command) {
    var out = new StringWriter();
    var err = new StringWriter();
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(
        List.of(
            "--url",
            "http://localhost:" + server.getAddress().getPort(),
            "--token-file",
            dir.resolve("admin.token").toString()));
    int exit =
        Sealtrail.commandLine()
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exit, String out, String err) {}
}
