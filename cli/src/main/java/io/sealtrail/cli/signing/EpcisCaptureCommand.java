package io.sealtrail.cli.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.cli.http.HttpCalls;
import io.sealtrail.cli.http.ServiceUrl;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.json.StrictJson;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sealtrail epcis capture}: signs an EPCIS 2.0 document as the partner (DSSE, payload type
 * {@code application/vnd.sealtrail.epcis+json}) and posts it to {@code /v1/epcis/capture}, printing
 * one line per event of the document with its outcome.
 */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = {
      "Sign a GS1 EPCIS 2.0 document (JSON) and capture its events as custody events.",
      "Prints one line per event: accepted (with its Kafka partition and offset), duplicate, or"
          + " rejected with the reason code, the EPCIS code and the JSON pointer into the document."
          + " Capturing the same file again is safe: its events are duplicates.",
      "Each event needs sealtrail:custodyEventId or eventID, the custody event id a retry reuses."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every event accepted or duplicate",
      "1:at least one event rejected",
      "2:unreadable key or file, a refused request, or the service did not answer (503: retry)"
    })
public final class EpcisCaptureCommand extends FileCommand {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(
      names = "--key",
      paramLabel = "KEY.pem",
      description =
          "PKCS#8 PEM private key of the capturing partner (unencrypted); repeat for"
              + " co-signatures. Not needed when FILE is already a signed envelope.")
  List<Path> keys = List.of();

  @Mixin ServiceUrl service;

  @Option(
      names = "--envelope-only",
      description = "Print the signed envelope instead of sending it (e.g. for curl).")
  boolean envelopeOnly;

  @Parameters(
      paramLabel = "FILE",
      description = "An EPCIS 2.0 document (JSON) to sign, or its DSSE envelope to send unchanged.")
  Path file;

  @Override
  int run() throws IOException {
    byte[] envelope = envelope();
    if (envelopeOnly) {
      out().println(new String(envelope, StandardCharsets.UTF_8));
      out().flush();
      return EXIT_OK;
    }
    var request =
        HttpRequest.newBuilder(service.resolve("/v1/epcis/capture"))
            .timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
            .build();
    HttpResponse<String> response = HttpCalls.send(request);
    int status = response.statusCode();
    if (status != 202 && status != 207 && status != 422) {
      err().printf("%s: the service answered %d: %s%n", file, status, response.body().strip());
      err().flush();
      return EXIT_INPUT_ERROR;
    }
    boolean rejected = false;
    for (JsonNode result : JSON.readTree(response.body()).path("results")) {
      rejected |= print(result);
    }
    out().flush();
    return rejected ? EXIT_REJECTED : EXIT_OK;
  }

  /** The file as it goes out: an envelope unchanged, a document signed here. */
  private byte[] envelope() throws IOException {
    byte[] bytes = readBytes(file);
    JsonNode root;
    try {
      root = StrictJson.read(bytes);
    } catch (StrictJson.Unreadable e) {
      throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage());
    }
    if (root != null && root.isObject() && root.has("payloadType")) {
      return bytes;
    }
    if (root == null || !root.isObject() || !"EPCISDocument".equals(root.path("type").asText())) {
      throw new IllegalArgumentException(file + " is not an EPCIS document (type EPCISDocument)");
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException(file + " is a document: pass --key KEY.pem to sign it");
    }
    List<Signer> signers = new ArrayList<>();
    for (Path key : keys) {
      signers.add(SignCommand.readSigner(key));
    }
    return EnvelopeJson.write(
            EnvelopeSigner.sign(SubmissionVerifier.EPCIS_PAYLOAD_TYPE, bytes, signers))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Prints one event's line; true when it was rejected. */
  private boolean print(JsonNode r) {
    String where = file + (r.has("index") ? "#" + r.get("index").asInt() : "");
    String part =
        r.has("foldedInto") ? " (part of the event at " + r.get("foldedInto").asText() + ")" : "";
    String status = r.path("status").asText();
    if ("rejected".equals(status)) {
      String code = r.has("code") ? " " + r.get("code").asText() : "";
      String at =
          r.has("pointer")
              ? " at " + r.get("pointer").asText()
              : r.has("field") ? " at " + r.get("field").asText() : "";
      out()
          .printf(
              "%s: rejected %s%s%s%s: %s%n",
              where, r.path("reason").asText(), code, at, part, r.path("detail").asText());
      return true;
    }
    out()
        .printf(
            "%s: %s %s (partition %d, offset %d)%s%n",
            where,
            status,
            r.path("eventId").asText(),
            r.path("partition").asInt(),
            r.path("offset").asLong(),
            part);
    return false;
  }
}
