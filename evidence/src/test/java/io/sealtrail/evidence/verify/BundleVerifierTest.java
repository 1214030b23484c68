package io.sealtrail.evidence.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.evidence.bundle.BundleJson;
import io.sealtrail.evidence.bundle.EvidenceBundle;
import io.sealtrail.translog.note.NoteSigner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BundleVerifierTest {
  private final BundleFixture fixture = new BundleFixture();

  @Test
  void shouldVerifyAGenuineBundleAfterAJsonRoundTrip() {
    EvidenceBundle bundle =
        fixture.provisioned("e-1").attested("e-2", 1, 1).sealed("e-3", "").build();

    VerificationReport report = verify(roundTrip(bundle));

    assertThat(report.failures()).isEmpty();
    assertThat(report.counts().events()).isEqualTo(3);
    assertThat(report.counts().quotes()).isEqualTo(1);
    assertThat(report.treeSize()).isEqualTo(3);
    assertThat(report.headline()).contains("verified");
  }

  @Test
  void shouldRefuseAnEventReceivedAfterItsKeyWasRevoked() {
    EvidenceBundle bundle =
        fixture.sealed("e-1", "").sealed("e-2", "").revokedAt(BundleFixture.receipt(1)).build();

    List<Failure> failures = verify(bundle).failures();

    assertThat(failures)
        .anyMatch(f -> f.item().contains("e-2") && f.reason().contains("revoked at"));
    assertThat(failures).noneMatch(f -> f.item().contains("e-1"));
  }

  @Test
  void shouldRefuseAQuoteTheDeviceKeyDidNotSign() {
    EvidenceBundle bundle = fixture.provisioned("e-1").attested("e-2", 2, 1).build();

    assertThat(verify(bundle).failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("does not verify with the device key"));
  }

  @Test
  void shouldRefuseASequenceNumberUsedByTwoEventsOfAStream() {
    EvidenceBundle bundle =
        fixture
            .sealed("e-1", ",\"stream\":\"st-1\",\"sequence\":4")
            .sealed("e-2", ",\"stream\":\"st-1\",\"sequence\":4")
            .build();

    assertThat(verify(bundle).failures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f)
                    .hasToString("stream acme/st-1 sequence 4: used by two events, e-1 and e-2"));
  }

  @Test
  void shouldNoteButNotFailTheNumbersOfAStreamThatAreAboutOtherSubjects() {
    EvidenceBundle bundle =
        fixture
            .sealed("e-1", ",\"stream\":\"st-1\",\"sequence\":4")
            .sealed("e-2", ",\"stream\":\"st-1\",\"sequence\":9")
            .build();

    VerificationReport report = verify(bundle);

    assertThat(report.failures()).isEmpty();
    assertThat(report.notes())
        .containsExactly(
            "stream acme/st-1: numbers 5-8 not in this bundle (events about other subjects)");
  }

  @Test
  void shouldRefuseAStreamWithoutASequence() {
    EvidenceBundle bundle = fixture.sealed("e-1", ",\"stream\":\"st-1\"").build();

    assertThat(verify(bundle).failures())
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("stream and sequence go together"));
  }

  @Test
  void shouldRefuseAProofWhoseHashWasChanged() {
    EvidenceBundle genuine = fixture.sealed("e-1", "").sealed("e-2", "").build();
    EvidenceBundle.Event event = genuine.serials().get(0).events().get(0);
    List<String> hashes = new ArrayList<>(event.inclusion().hashes());
    hashes.set(0, genuine.serials().get(0).events().get(0).inclusion().leafHash());
    EvidenceBundle.Event changed =
        new EvidenceBundle.Event(
            event.sequence(),
            event.partnerId(),
            event.eventId(),
            event.receivedAt(),
            event.envelope(),
            event.chainHash(),
            new EvidenceBundle.Inclusion(
                event.inclusion().leafIndex(),
                event.inclusion().treeSize(),
                event.inclusion().leafHash(),
                hashes));

    List<Failure> failures = verify(withFirstEvent(genuine, changed)).failures();

    assertThat(failures)
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("does not lead to the checkpoint's root"));
  }

  @Test
  void shouldRefuseTheWholeBundleWhenTheLogKeyIsAnothersWithoutCheckingProofs() {
    EvidenceBundle bundle = fixture.sealed("e-1", "").build();

    List<Failure> failures =
        new BundleVerifier(NoteSigner.generate("test.example/log").verifierKey())
            .verify(bundle)
            .failures();

    assertThat(failures)
        .singleElement()
        .satisfies(f -> assertThat(f.reason()).contains("signed with another key"));
  }

  @Test
  void shouldRefuseBytesThatAreNotABundleOfThisFormat() {
    assertThatThrownBy(
            () -> BundleJson.read("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BundleJson.UnreadableBundleException.class)
        .hasMessageContaining("not a sealtrail.evidence.v1 bundle");
    assertThatThrownBy(() -> BundleJson.read("[".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(BundleJson.UnreadableBundleException.class);
  }

  private VerificationReport verify(EvidenceBundle bundle) {
    return new BundleVerifier(fixture.log.verifierKey()).verify(bundle);
  }

  private static EvidenceBundle roundTrip(EvidenceBundle bundle) {
    return BundleJson.read(BundleJson.write(bundle).getBytes(StandardCharsets.UTF_8));
  }

  private static EvidenceBundle withFirstEvent(EvidenceBundle bundle, EvidenceBundle.Event first) {
    EvidenceBundle.SerialEvidence serial = bundle.serials().get(0);
    List<EvidenceBundle.Event> events = new ArrayList<>(serial.events());
    events.set(0, first);
    return new EvidenceBundle(
        bundle.format(),
        bundle.subject(),
        bundle.createdAt(),
        bundle.log(),
        bundle.partners(),
        List.of(
            new EvidenceBundle.SerialEvidence(
                serial.serial(),
                serial.genesis(),
                serial.head(),
                events,
                serial.quotes(),
                serial.alerts())));
  }
}
