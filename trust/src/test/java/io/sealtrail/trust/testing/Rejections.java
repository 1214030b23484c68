package io.sealtrail.trust.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.trust.RejectionReason;
import io.sealtrail.trust.Verification;
import io.sealtrail.trust.Verification.Rejected;

/** Assertions on rejections: the exact reason and what it points at. */
public final class Rejections {
  private Rejections() {}

  /** Asserts a rejection with {@code reason} pointing at the JSON field {@code field}. */
  public static void assertRejected(Verification result, RejectionReason reason, String field) {
    assertThat(result)
        .isInstanceOfSatisfying(
            Rejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(reason);
              assertThat(r.field()).isEqualTo(field);
            });
  }

  /** Asserts a rejection with {@code reason} naming the signature at {@code signatureIndex}. */
  public static void assertRejectedSignature(
      Verification result, RejectionReason reason, int signatureIndex) {
    assertThat(result)
        .isInstanceOfSatisfying(
            Rejected.class,
            r -> {
              assertThat(r.reason()).isEqualTo(reason);
              assertThat(r.signatureIndex()).isEqualTo(signatureIndex);
            });
  }
}
