package io.sealtrail.trust.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.testing.FuzzOracles;
import java.time.Instant;

/**
 * Coverage-guided fuzzing of the policy document, the body of {@code PUT /v1/policy} (an admin's,
 * or a careless script's): any bytes are read as a policy or refused with {@link
 * InvalidPolicyException} naming a JSON pointer and saying what is wrong in Sealtrail's words; a
 * policy it accepts is written back canonically, read back equal, and can judge an event (its
 * bounds stay within time arithmetic). Regression corpus: PolicyJsonFuzzTestInputs/.
 */
class PolicyJsonFuzzTest {
  private static final Instant RECEIPT = Instant.parse("2026-12-07T00:00:00Z");

  @FuzzTest
  void shouldReadOrRefuseNamingTheFieldWhenGivenAnyDocument(byte[] body) {
    PolicyDocument document;
    try {
      document = PolicyJson.document(body, 2);
    } catch (InvalidPolicyException e) {
      FuzzOracles.assertJsonPointer(e.field());
      FuzzOracles.assertOwnWords(e.getMessage(), body);
      return;
    }
    byte[] written = PolicyJson.write(document);
    assertThat(PolicyJson.stored(written)).isEqualTo(document);
    document
        .policy()
        .maxEventAge()
        .byType()
        .forEach(
            (type, bound) -> document.policy().maxEventAge().violation(type, RECEIPT, RECEIPT));
    RECEIPT
        .plus(document.transit().defaultMax())
        .minus(document.policy().maxEventAge().byDefault());
    document.transit().max().forEach(lane -> RECEIPT.plus(lane.duration()));
    document.transit().min().forEach(lane -> RECEIPT.plus(lane.duration()));
  }
}
