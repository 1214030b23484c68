package io.sealtrail.cli.signing;

import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.crypto.Verifiers;
import io.sealtrail.trust.dsse.Envelope;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.MalformedEnvelopeException;
import io.sealtrail.trust.dsse.SignatureCheck;
import io.sealtrail.trust.dsse.SignatureCheck.Status;
import io.sealtrail.trust.event.EventHeaders;
import io.sealtrail.trust.event.MalformedEventException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sealtrail verify}: checks an envelope against given public keys, offline, with the partner
 * contract's reason codes. Signatures by other keys are ignored, as ingest ignores unregistered
 * co-signers; roles and sites need the registry and are not checked here.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Verify a DSSE envelope against one or more public keys.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:a signature by a given key verifies and the event is readable",
      "1:invalid; the reason code (BAD_SIGNATURE, UNKNOWN_KEY, MALFORMED_ENVELOPE, MALFORMED_EVENT) is printed",
      "2:unreadable key or envelope file"
    })
public final class VerifyCommand extends FileCommand {
  @Option(
      names = "--pub",
      required = true,
      paramLabel = "PUB.pem",
      description = "PEM public key (SubjectPublicKeyInfo).")
  List<Path> publicKeys;

  @Parameters(
      index = "0",
      paramLabel = "ENVELOPE.json",
      description = "The DSSE envelope to verify.")
  Path envelopeFile;

  @Override
  int run() throws IOException {
    Map<String, Verifier> keys = readKeys();
    Envelope envelope;
    try {
      envelope = EnvelopeJson.read(Files.readAllBytes(envelopeFile));
    } catch (MalformedEnvelopeException e) {
      return rejected(RejectionReason.MALFORMED_ENVELOPE, e.getMessage());
    }
    return checkSignatures(envelope, keys);
  }

  private int checkSignatures(Envelope envelope, Map<String, Verifier> keys) {
    // DSSE keyids are optional: with a single key given, a signature without one is tried against
    // it.
    List<SignatureCheck> checks =
        SignatureCheck.all(
            envelope,
            keyid ->
                Optional.ofNullable(
                    keyid == null && keys.size() == 1
                        ? keys.values().iterator().next()
                        : keys.get(keyid)));
    Optional<SignatureCheck> bad =
        checks.stream().filter(c -> c.status() == Status.INVALID).findFirst();
    if (bad.isPresent()) {
      return rejected(
          RejectionReason.BAD_SIGNATURE,
          "signature " + bad.get().index() + " does not verify with key " + bad.get().keyid());
    }
    List<SignatureCheck> valid = checks.stream().filter(c -> c.status() == Status.VALID).toList();
    if (valid.isEmpty()) {
      return rejected(
          RejectionReason.UNKNOWN_KEY, "no signature by the given key(s) " + keys.keySet());
    }
    return checkPayload(envelope, valid);
  }

  private int checkPayload(Envelope envelope, List<SignatureCheck> valid) {
    if (!SubmissionVerifier.EVENT_PAYLOAD_TYPE.equals(envelope.payloadType())) {
      return rejected(
          RejectionReason.MALFORMED_ENVELOPE, "unsupported payload type " + envelope.payloadType());
    }
    try {
      EventHeaders.parse(envelope.payload());
    } catch (MalformedEventException e) {
      return rejected(RejectionReason.MALFORMED_EVENT, e.getMessage());
    }
    for (SignatureCheck check : valid) {
      out().println("OK signature " + check.index() + " keyid " + check.keyid());
    }
    return EXIT_OK;
  }

  private Map<String, Verifier> readKeys() throws IOException {
    Map<String, Verifier> keys = new LinkedHashMap<>();
    for (Path file : publicKeys) {
      try {
        Verifier verifier = Verifiers.forKey(Pem.readPublicKey(Files.readString(file)));
        keys.put(verifier.keyId().hex(), verifier);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage());
      }
    }
    return keys;
  }

  private int rejected(RejectionReason reason, String detail) {
    out().println(reason + ": " + detail);
    return EXIT_REJECTED;
  }
}
