package io.sealtrail.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A spike case is matched whether the anomaly service raises one alert per cohort or folds the
 * cohorts of one spike into one alert ({@code alsoSpiking}), and a folded cohort the case does not
 * explain keeps the alert false.
 */
class InjectedCaseTest {
  private static final String PARTNER = "dock-hamburg";
  private static final String KEY = "ab12";
  private static final String SITE = "hamburg";
  private static final InjectedCase FORGED_BURST =
      new InjectedCase(
          "forged-signature burst",
          AlertType.REJECTION_SPIKE,
          PARTNER,
          Twist.adding(),
          "ev-1",
          Set.of(KEY, SITE),
          Set.of());

  @Test
  void shouldBeDetectedWhenTheSpikeIsFoldedUnderAnotherOfItsCohorts() {
    var folded =
        SpikeCohorts.of(KEY, Map.of("alsoSpiking", "partner:" + PARTNER + ",site:" + SITE));

    assertThat(FORGED_BURST.detectedBy(AlertType.REJECTION_SPIKE, folded)).isTrue();
    assertThat(FORGED_BURST.explains(AlertType.REJECTION_SPIKE, folded)).isTrue();
  }

  @Test
  void shouldBeDetectedWhenCohortsOfAStationBurstAreFoldedUnderIt() {
    var burst =
        new InjectedCase(
            "attestation-failure burst at one station",
            AlertType.ATTESTATION_FAILURE_SPIKE,
            "station=TEST-3",
            Twist.adding(),
            "ev-2",
            Set.of("firmware=1.4.0", "lot=LOT-1", "SZX-F1"),
            Set.of());
    var folded =
        SpikeCohorts.of(
            "station=TEST-3", Map.of("alsoSpiking", "lot:LOT-1,site:SZX-F1,firmware:1.4.0"));

    assertThat(folded).containsExactly("station=TEST-3", "lot=LOT-1", "SZX-F1", "firmware=1.4.0");
    assertThat(burst.detectedBy(AlertType.ATTESTATION_FAILURE_SPIKE, folded)).isTrue();
  }

  @Test
  void shouldExplainButNotBeDetectedByAnotherCohortsOwnAlertWhenSpikesAreNotFolded() {
    var keyOnly = SpikeCohorts.of(KEY, Map.of());

    assertThat(FORGED_BURST.detectedBy(AlertType.REJECTION_SPIKE, keyOnly)).isFalse();
    assertThat(FORGED_BURST.explains(AlertType.REJECTION_SPIKE, keyOnly)).isTrue();
    assertThat(
            FORGED_BURST.detectedBy(AlertType.REJECTION_SPIKE, SpikeCohorts.of(PARTNER, Map.of())))
        .isTrue();
  }

  @Test
  void shouldNeitherExplainNorBeDetectedWhenAFoldedCohortIsNotTheCases() {
    var withStranger =
        SpikeCohorts.of(PARTNER, Map.of("alsoSpiking", "site:" + SITE + ",site:rotterdam"));

    assertThat(FORGED_BURST.explains(AlertType.REJECTION_SPIKE, withStranger)).isFalse();
    assertThat(FORGED_BURST.detectedBy(AlertType.REJECTION_SPIKE, withStranger)).isFalse();
  }

  @Test
  void shouldExplainItsConsequenceOfAnotherTypeOnlyForThatSubject() {
    var substitution =
        new InjectedCase(
                "manifest with one serial substituted",
                AlertType.MANIFEST_MISMATCH,
                "PLT-2",
                Twist.adding(),
                "ev-3")
            .alsoExplaining(new InjectedCase.Consequence(AlertType.CLONE_SUSPECTED, "CTN-1"));

    assertThat(substitution.explains(AlertType.CLONE_SUSPECTED, Set.of("CTN-1"))).isTrue();
    assertThat(substitution.detectedBy(AlertType.CLONE_SUSPECTED, Set.of("CTN-1"))).isFalse();
    assertThat(substitution.explains(AlertType.CLONE_SUSPECTED, Set.of("CTN-2"))).isFalse();
    assertThat(substitution.explains(AlertType.SEAL_MISMATCH, Set.of("CTN-1"))).isFalse();
    assertThat(substitution.detectedBy(AlertType.MANIFEST_MISMATCH, Set.of("PLT-2"))).isTrue();
  }
}
