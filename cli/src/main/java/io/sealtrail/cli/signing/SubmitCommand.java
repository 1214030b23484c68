package io.sealtrail.cli.signing;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.cli.http.HttpCalls;
import io.sealtrail.cli.http.ServiceUrl;
import io.sealtrail.client.ClientBuilder;
import io.sealtrail.client.Outcome;
import io.sealtrail.client.SignedEnvelope;
import io.sealtrail.client.http.EventsApi;
import io.sealtrail.client.http.RequestRefusedException;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.MalformedEnvelopeException;
import io.sealtrail.trust.json.StrictJson;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code sealtrail submit}: signs event files and posts their envelopes to {@code /v1/events} in
 * NDJSON batches (through the partner client's {@link EventsApi}), printing one line per event with
 * its outcome.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Sign custody events (JSON files) and submit them over HTTP, in batches.",
      "Prints one line per file: accepted (with its Kafka partition and offset, and the leaf hash"
          + " of its receipt from the transparency log), duplicate, or rejected with the reason"
          + " code. Retrying the same files is safe, except with --stream, which numbers them anew (the"
          + " same eventId with other content is REPLAY): to retry numbered events, keep what"
          + " `sign --stream` printed and submit those envelopes.",
      "--stream NAME numbers each event in your stream NAME before signing it."
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
      paramLabel = "KEY.pem",
      description =
          "PKCS#8 PEM private key (unencrypted); repeat for co-signatures. Needed when a FILE is"
              + " an event; envelopes are already signed.")
  List<Path> keys = List.of();

  @Mixin ServiceUrl service;

  @Mixin StreamNumbering numbering;

  int batchSize = ClientBuilder.MAX_BATCH_SIZE;

  // Checked at parse time: 0 would never advance through the files, above 500 the service refuses.
  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "500",
      description = "Envelopes per request, 1 to 500, the service's limit (default: 500).")
  void batchSize(int size) {
    if (size < 1 || size > ClientBuilder.MAX_BATCH_SIZE) {
      throw new ParameterException(
          spec.commandLine(),
          "Invalid value '"
              + size
              + "' for option '--batch-size': must be 1 to "
              + ClientBuilder.MAX_BATCH_SIZE);
    }
    batchSize = size;
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Custody events (JSON) to sign, or DSSE envelopes (JSON) to send unchanged.")
  List<Path> events;

  @Override
  int run() throws IOException {
    List<Signer> signers = new ArrayList<>();
    for (Path key : keys) {
      signers.add(SignCommand.readSigner(key));
    }
    var api = new EventsApi(service.resolve("/"), HttpCalls.client(), Duration.ofMinutes(2));
    boolean rejected = false;
    for (int from = 0; from < events.size(); from += batchSize) {
      List<Path> batch = events.subList(from, Math.min(events.size(), from + batchSize));
      List<Outcome> outcomes = post(api, sign(batch, signers, numbering));
      for (int i = 0; i < batch.size(); i++) {
        rejected |= print(batch.get(i), outcomes.get(i));
      }
      progress(from + batch.size());
    }
    out().flush();
    return rejected ? EXIT_REJECTED : EXIT_OK;
  }

  private static List<SignedEnvelope> sign(
      List<Path> batch, List<Signer> signers, StreamNumbering numbering) throws IOException {
    List<SignedEnvelope> envelopes = new ArrayList<>(batch.size());
    for (Path file : batch) {
      envelopes.add(envelopeOf(file, signers, numbering));
    }
    return envelopes;
  }

  /**
   * A file holding an object with {@code payloadType} is an envelope and goes out byte for byte as
   * signed; anything else must be an event, signed here.
   */
  private static SignedEnvelope envelopeOf(
      Path file, List<Signer> signers, StreamNumbering numbering) throws IOException {
    byte[] bytes = readBytes(file);
    if (isEnvelope(bytes)) {
      if (numbering.active()) {
        throw new IllegalArgumentException(
            file + " is already signed: --stream numbers events before they are signed");
      }
      try {
        return SignedEnvelope.of(EnvelopeJson.read(bytes));
      } catch (MalformedEnvelopeException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            file + " is not a valid DSSE envelope: " + e.getMessage());
      }
    }
    if (signers.isEmpty()) {
      throw new IllegalArgumentException(file + " is an event: pass --key KEY.pem to sign it");
    }
    return SignedEnvelope.sign(numbering.number(file, SignCommand.readEvent(file)), signers);
  }

  private static boolean isEnvelope(byte[] bytes) {
    try {
      JsonNode root = StrictJson.read(bytes);
      return root != null && root.isObject() && root.has("payloadType");
    } catch (StrictJson.Unreadable e) {
      return false;
    }
  }

  private static List<Outcome> post(EventsApi api, List<SignedEnvelope> batch) throws IOException {
    try {
      return api.post(batch);
    } catch (RequestRefusedException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Prints one result line; true when the event was rejected. */
  private boolean print(Path file, Outcome outcome) {
    if (outcome instanceof Outcome.Rejected r) {
      String field = r.field() != null ? " at " + r.field() : "";
      out().printf("%s: rejected %s%s: %s%n", file, r.reason(), field, r.detail());
      return true;
    }
    if (outcome instanceof Outcome.Accepted a) {
      String receipt = a.receipt() == null ? "" : ", log leaf " + a.receipt().leafHash();
      printStored(file, "accepted", a.eventId(), a.partition(), a.offset(), receipt);
    } else if (outcome instanceof Outcome.Duplicate d) {
      printStored(file, "duplicate", d.eventId(), d.partition(), d.offset(), "");
    }
    return false;
  }

  private void printStored(
      Path file, String status, String eventId, int partition, long offset, String receipt) {
    out()
        .printf(
            "%s: %s %s (partition %d, offset %d%s)%n",
            file, status, eventId, partition, offset, receipt);
  }

  private void progress(int sent) {
    if (events.size() > batchSize) {
      err().printf("sent %d of %d%n", sent, events.size());
      err().flush();
    }
  }
}
