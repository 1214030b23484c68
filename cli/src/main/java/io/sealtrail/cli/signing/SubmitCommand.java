package io.sealtrail.cli.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.cli.http.ServiceUrl;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sealtrail submit}: signs event files and posts their envelopes to {@code /v1/events} in
 * NDJSON batches, printing one line per event with its outcome.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Sign custody events (JSON files) and submit them over HTTP, in batches.",
      "Prints one line per file: accepted (with its Kafka partition and offset), duplicate, or"
          + " rejected with the reason code. Retrying the same files is safe."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every event accepted or duplicate",
      "1:at least one event rejected",
      "2:unreadable key or file, or the service did not answer (503: retry later)"
    })
public final class SubmitCommand extends FileCommand {
  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY.pem",
      description = "PKCS#8 PEM private key (unencrypted); repeat for co-signatures.")
  List<Path> keys;

  @Mixin ServiceUrl service;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      description =
          "Envelopes per request, at most the service's limit (default: ${DEFAULT-VALUE}).")
  int batchSize = 500;

  @Parameters(arity = "1..*", paramLabel = "EVENT.json", description = "Events to sign and send.")
  List<Path> events;

  @Override
  int run() throws IOException {
    List<Signer> signers = new ArrayList<>();
    for (Path key : keys) {
      signers.add(SignCommand.readSigner(key));
    }
    var client = new EventsClient(service.resolve("/v1/events"));
    boolean rejected = false;
    for (int from = 0; from < events.size(); from += batchSize) {
      List<Path> batch = events.subList(from, Math.min(events.size(), from + batchSize));
      JsonNode results = client.post(ndjson(batch, signers)).get("results");
      for (int i = 0; i < batch.size(); i++) {
        rejected |= print(batch.get(i), results.get(i));
      }
      progress(from + batch.size());
    }
    out().flush();
    return rejected ? EXIT_REJECTED : EXIT_OK;
  }

  private static String ndjson(List<Path> batch, List<Signer> signers) throws IOException {
    StringBuilder body = new StringBuilder();
    for (Path event : batch) {
      byte[] payload = SignCommand.readEvent(event);
      var envelope = EnvelopeSigner.sign(SubmissionVerifier.EVENT_PAYLOAD_TYPE, payload, signers);
      body.append(EnvelopeJson.write(envelope)).append('\n');
    }
    return body.toString();
  }

  /** Prints one result line; true when the event was rejected. */
  private boolean print(Path file, JsonNode result) {
    String status = result.path("status").asText();
    if ("rejected".equals(status)) {
      String field = result.hasNonNull("field") ? " at " + result.get("field").asText() : "";
      out()
          .printf(
              "%s: rejected %s%s: %s%n",
              file, result.path("reason").asText(), field, result.path("detail").asText());
      return true;
    }
    out()
        .printf(
            "%s: %s %s (partition %d, offset %d)%n",
            file,
            status,
            result.path("eventId").asText(),
            result.path("partition").asInt(),
            result.path("offset").asLong());
    return false;
  }

  private void progress(int sent) {
    if (events.size() > batchSize) {
      err().printf("sent %d of %d%n", sent, events.size());
      err().flush();
    }
  }
}
