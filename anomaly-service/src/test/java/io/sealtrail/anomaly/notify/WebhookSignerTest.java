package io.sealtrail.anomaly.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldSignTimestampDotBodyWithHmacSha256WhenSigning() {
    WebhookSigner signer = new WebhookSigner("topsecret");

    String signature = signer.sign(1_700_000_000L, BODY);

    // Computed independently: HMAC-SHA256("topsecret", "1700000000." + body), hex.
    assertThat(signature)
        .isEqualTo("sha256=6a939b0c71853d606167625a15168ee9188c6a511c773ef4f42d307f3849e50f");
  }

  @Test
  void shouldChangeSignatureWhenOnlyTimestampChanges() {
    WebhookSigner signer = new WebhookSigner("topsecret");

    assertThat(signer.sign(1_700_000_001L, BODY)).isNotEqualTo(signer.sign(1_700_000_000L, BODY));
  }
}
