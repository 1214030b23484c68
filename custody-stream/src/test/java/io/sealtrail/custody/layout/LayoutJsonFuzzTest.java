package io.sealtrail.custody.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sealtrail.testing.FuzzOracles;
import java.time.Instant;

/**
 * Coverage-guided fuzzing of the layout document, the body of {@code PUT /v1/layouts/{product}}:
 * any text is a proposal, a {@link LayoutException} naming a valid JSON pointer (422) or an {@link
 * IllegalArgumentException} for text that is not JSON (400) described without the parser's names;
 * nothing else escapes to become a 500. An accepted proposal is stored and read back as the same
 * layout (what the API accepted is what the stream enforces). Regression corpus:
 * LayoutJsonFuzzTestInputs/.
 */
class LayoutJsonFuzzTest {
  private static final Instant CHANGED = Instant.parse("2026-12-07T00:00:00Z");

  @FuzzTest
  void shouldProposeOrRefuseNamingThePointerWhenGivenAnyBody(byte[] bytes) {
    // The controller reads the body as text (UTF-8 unless the request says otherwise).
    String body = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    LayoutJson.Proposal proposal;
    try {
      proposal = LayoutJson.proposal("gateway-x1", body);
    } catch (LayoutException e) {
      FuzzOracles.assertJsonPointer(e.pointer());
      FuzzOracles.assertOwnWords(e.getMessage(), bytes);
      return;
    } catch (IllegalArgumentException e) {
      FuzzOracles.assertOwnWords(e.getMessage(), bytes);
      return;
    }
    assertThat(proposal.steps()).isNotEmpty().hasSizeLessThanOrEqualTo(LayoutJson.MAX_STEPS);
    assertThat(proposal.basedOn() == null || proposal.basedOn() >= 0).isTrue();
    Layout layout =
        new Layout("gateway-x1", 1, CHANGED, "admin", proposal.steps(), proposal.bomRevisions());
    LayoutHistory history = new LayoutHistory("gateway-x1", java.util.List.of(layout));
    assertThat(LayoutJson.history(LayoutJson.write(history))).isEqualTo(history);
  }
}
