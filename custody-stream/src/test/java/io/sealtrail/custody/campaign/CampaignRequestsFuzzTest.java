package io.sealtrail.custody.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micronaut.json.JsonMapper;
import io.sealtrail.avro.campaign.CampaignScope;
import io.sealtrail.platform.http.JsonRequest;
import io.sealtrail.platform.http.ProblemException;
import io.sealtrail.testing.FuzzOracles;

/**
 * Coverage-guided fuzzing of the campaigns API's bodies ({@code POST /v1/campaigns} and a device's
 * move): any text is a request or a {@link ProblemException} that is a 400 with a stable type and,
 * for an invalid field, a valid JSON pointer; nothing else escapes to become a 500. An accepted
 * request has a name, exactly one scope and an image digest in lower case; a move a known state.
 * Regression corpus: CampaignRequestsFuzzTestInputs/ (the first byte chooses the body).
 */
class CampaignRequestsFuzzTest {
  private static final CampaignRequests REQUESTS = new CampaignRequests(JsonMapper.createDefault());

  @FuzzTest
  void shouldReadOrAnswer400NamingTheFieldWhenGivenAnyCampaignOrMoveBody(FuzzedDataProvider data) {
    boolean move = data.consumeBoolean();
    String body = data.consumeRemainingAsString();
    try {
      if (move) {
        CampaignRequests.Move read = REQUESTS.move(body);
        assertThat(read.state()).isNotNull();
        assertThat(read.note() == null || read.note().length() <= JsonRequest.MAX_TEXT).isTrue();
      } else {
        CampaignRequests.NewCampaign read = REQUESTS.newCampaign(body);
        assertThat(read.name()).isNotBlank().hasSizeLessThanOrEqualTo(JsonRequest.MAX_TEXT);
        assertThat(read.scope()).isNotNull();
        assertThat(read.scopeId()).isNotBlank();
        if (read.scope() == CampaignScope.IMAGE) {
          assertThat(read.scopeId()).matches("[0-9a-f]{64}");
        }
      }
    } catch (ProblemException e) {
      assertThat(e.problem().status()).isEqualTo(400);
      assertThat(e.problem().type()).matches(".*/(invalid-request|bad-request)");
      if (e.problem().type().endsWith("invalid-request")) {
        FuzzOracles.assertJsonPointer(e.problem().field());
      }
    }
  }
}
