package io.sealtrail.cli.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sealtrail alerts}: the current alerts, or ({@code --follow}) each one as it changes; its
 * subcommands triage one alert.
 */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    subcommands = {AlertsAckCommand.class, AlertsAssignCommand.class, AlertsResolveCommand.class},
    description = {
      "List alerts; with --follow, keep printing each new or changed alert (server-sent events)"
          + " until Ctrl-C. Triage with the subcommands ack, assign and resolve.",
      "Token: local mode's secops token unless --token or --token-file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:listed (or the stream ended)",
      "1:refused token",
      "2:service unreachable or not ready (retry)"
    })
public final class AlertsCommand extends QueryCommand {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient STREAMING =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Option(
      names = "--follow",
      description = "Keep the connection open and print alerts as they come.")
  boolean follow;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "OPEN, ACKNOWLEDGED or RESOLVED.")
  String status;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      description = "An alert type, e.g. CLONE_SUSPECTED.")
  String type;

  @Option(names = "--serial", paramLabel = "SERIAL", description = "Alerts about this serial.")
  String serial;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "At most this many, newest first (default: the service's, 100).")
  Integer limit;

  @Override
  void run() throws IOException {
    QueryClient client = access.client("secops");
    if (follow) {
      follow(client);
      return;
    }
    JsonNode answer = client.json("/v1/alerts" + query());
    if (json) {
      printJson(answer);
      return;
    }
    JsonNode alerts = answer.path("alerts");
    out()
        .printf(
            "%d alerts%s%n",
            alerts.size(), answer.path("truncated").asBoolean() ? " (more match: --limit)" : "");
    alerts.forEach(a -> out().println(AlertLine.of(a)));
  }

  private void follow(QueryClient client) throws IOException {
    var request = client.request("/v1/alerts/stream", "text/event-stream").GET().build();
    HttpResponse<Stream<String>> response;
    try {
      response = STREAMING.send(request, HttpResponse.BodyHandlers.ofLines());
    } catch (ConnectException e) {
      throw client.unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while connecting to the alert stream");
    }
    if (response.statusCode() != 200) {
      String body = String.join("\n", (Iterable<String>) response.body()::iterator);
      throw client.failure("/v1/alerts/stream", response.statusCode(), body, null);
    }
    err("following " + client.uri("/v1/alerts/stream") + " (Ctrl-C to stop)");
    try (Stream<String> lines = response.body()) {
      new ServerSentEvents(
              data -> {
                JsonNode alert = JSON.readTree(data);
                out().println(json ? JSON.writeValueAsString(alert) : AlertLine.of(alert));
              })
          .read(lines);
    }
  }

  private String query() {
    StringBuilder q = new StringBuilder();
    param(q, "status", status);
    param(q, "type", type);
    param(q, "serial", serial);
    param(q, "limit", limit == null ? null : limit.toString());
    return q.toString();
  }

  private static void param(StringBuilder q, String name, String value) {
    if (value != null) {
      q.append(q.length() == 0 ? '?' : '&').append(name).append('=').append(Paths.encoded(value));
    }
  }

  private void err(String line) {
    spec.commandLine().getErr().println(line);
    spec.commandLine().getErr().flush();
  }
}
