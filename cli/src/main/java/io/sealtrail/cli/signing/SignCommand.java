package io.sealtrail.cli.signing;

import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import io.sealtrail.trust.event.EventHeaders;
import io.sealtrail.trust.event.MalformedEventException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sealtrail sign}: wraps an event file in a DSSE envelope signed by one or more keys. */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    description = {
      "Sign a custody event (JSON) and print its DSSE envelope.",
      "Repeat --key to add co-signatures (e.g. a station and an approver).",
      "--stream NAME numbers the event in your stream NAME before signing it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:envelope printed",
      "2:unreadable key or event file, or an unexpected error (SEALTRAIL_DEBUG=1 shows its stack"
          + " trace)"
    })
public final class SignCommand extends FileCommand {
  @Option(
      names = "--key",
      required = true,
      paramLabel = "KEY.pem",
      description = "PKCS#8 PEM private key (unencrypted).")
  List<Path> keys;

  @Parameters(
      index = "0",
      paramLabel = "EVENT.json",
      description = "The event to sign, signed byte for byte as it is.")
  Path event;

  @Mixin StreamNumbering numbering;

  @Override
  int run() throws IOException {
    List<Signer> signers = new ArrayList<>();
    for (Path key : keys) {
      signers.add(readSigner(key));
    }
    byte[] payload = numbering.number(event, readEvent(event));
    Envelope envelope =
        EnvelopeSigner.sign(SubmissionVerifier.EVENT_PAYLOAD_TYPE, payload, signers);
    out().println(EnvelopeJson.write(envelope));
    return EXIT_OK;
  }

  /** The bytes of an event file, refused unless its common header reads. */
  static byte[] readEvent(Path event) throws IOException {
    byte[] payload = readBytes(event);
    try {
      EventHeaders.parse(payload);
    } catch (MalformedEventException e) {
      throw new IllegalArgumentException(event + " is not a custody event: " + e.getMessage());
    }
    return payload;
  }

  static Signer readSigner(Path key) throws IOException {
    try {
      return Signers.forKey(Pem.readPrivateKey(readText(key)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage());
    }
  }
}
