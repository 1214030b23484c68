package io.sealtrail.trust.policy;

import java.util.Objects;

/**
 * A co-signature an event type should carry from another partner holding {@code role}. Its absence
 * does not reject the event (it is authentic); the verified result carries {@code flagWhenMissing}
 * so the stream can raise the alert.
 */
public record CoSignature(String role, String flagWhenMissing) {
  public CoSignature {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(flagWhenMissing, "flagWhenMissing");
  }
}
