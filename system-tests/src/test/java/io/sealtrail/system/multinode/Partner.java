package io.sealtrail.system.multinode;

import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import io.sealtrail.trust.dsse.EnvelopeJson;
import io.sealtrail.trust.dsse.EnvelopeSigner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;

/** A manufacturer with one Ed25519 key: its registration and the envelopes it signs. */
final class Partner {
  static final String ID = "acme";
  private final KeyPairs.Generated key =
      KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom());
  private final Signer signer = Signers.forKey(key.privateKeyPkcs8());

  /** The body of {@code POST /v1/partners}: a manufacturer reporting from any site. */
  String registration() {
    String pem = Pem.writePublicKey(key.publicKeySpki()).replace("\n", "\\n");
    return "{\"partnerId\":\""
        + ID
        + "\",\"roles\":[\"MANUFACTURER\"],\"sites\":[],"
        + "\"keys\":[{\"publicKey\":\""
        + pem
        + "\"}]}";
  }

  /** The DSSE envelope of {@code eventJson}, signed as a partner would. */
  String envelope(String eventJson) {
    var envelope =
        EnvelopeSigner.sign(
            SubmissionVerifier.EVENT_PAYLOAD_TYPE,
            eventJson.getBytes(StandardCharsets.UTF_8),
            List.of(signer));
    return EnvelopeJson.write(envelope);
  }
}
