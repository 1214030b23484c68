package io.sealtrail.custody.policy;

import static io.sealtrail.custody.fixtures.CustodyEvents.*;
import static io.sealtrail.custody.fixtures.Parties.*;
import static io.sealtrail.custody.fixtures.Serials.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.common.AlertType;
import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.fixtures.CustodyDriver;
import io.sealtrail.trust.policy.PolicyDocument;
import io.sealtrail.trust.policy.PolicyJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime policy in custody-stream: the detections judge by the version in the global policy
 * store when they decide, so a new version applies to the events decided after it, and the verdicts
 * given before stand.
 */
class RuntimePolicyTest {
  private static final String OTHER_DEVICE = "GWX1-000043";
  private static final Instant FIRST = Instant.parse("2026-03-02T07:00:00Z");
  private static final Instant LATER = FIRST.plus(Duration.ofDays(1));
  private static final Duration APART = Duration.ofHours(2);

  private final CustodyDriver custody = new CustodyDriver(DetectionRules.defaults());

  @AfterEach
  void close() {
    custody.close();
  }

  @Test
  void shouldJudgeLaterEventsByTheNewTransitMinimumWhenThePolicyChanges() {
    // Version 1: an hour at least between two sites, so two hours apart is silent.
    custody.send(assembled(DEVICE, FIRST), scanned(DEVICE, FIRST.plus(APART)).at(CUSTOMER_SITE));
    custody.afterGrace();
    assertThat(custody.violations()).isEmpty();

    custody.policy(
        version2(
            "{\"transit\":{\"min\":[{\"between\":[\"MUC-C1\",\"SZX-F1\"],\"duration\":\"PT5H\"}]}}"));
    custody.send(
        assembled(OTHER_DEVICE, LATER), scanned(OTHER_DEVICE, LATER.plus(APART)).at(CUSTOMER_SITE));
    custody.afterGrace();

    assertThat(custody.violations())
        .singleElement()
        .satisfies(v -> assertThat(v.getType()).isEqualTo(AlertType.CLONE_SUSPECTED))
        .satisfies(v -> assertThat(v.getSerial()).isEqualTo(OTHER_DEVICE))
        .satisfies(v -> assertThat(v.getAttributes()).containsEntry("minTransit", "PT5H"));
  }

  @Test
  void shouldJudgeByTheConfiguredRulesWhileNoPolicyVersionWasPut() {
    DetectionRules configured = DetectionRules.defaults();

    assertThat(new RuntimeRules(configured, new EmptyStore()).current()).isSameAs(configured);
  }

  @Test
  void shouldHandTheDetectionsEveryPolicyRuleButTheConfiguredGrace() {
    DetectionRules configured =
        new DetectionRules(Duration.ofMinutes(3), Duration.ofHours(1), java.util.Map.of());
    PolicyDocument policy =
        version2(
            "{\"transit\":{\"defaultMin\":\"PT2H\",\"defaultMax\":\"P3D\","
                + "\"max\":[{\"between\":[\"SZX-F1\",\"RTM-DC\"],\"duration\":\"P10D\"}]},"
                + "\"approvedSuppliers\":{\"PN-1\":[\"szx-parts\"]},\"certificateRequired\":[\"PN-1\"]}");

    DetectionRules rules = RuntimeRules.of(configured, policy);

    assertThat(rules.grace()).isEqualTo(Duration.ofMinutes(3));
    assertThat(rules.minTransit(FACTORY, WAREHOUSE)).isEqualTo(Duration.ofHours(2));
    assertThat(rules.maxTransit(WAREHOUSE, FACTORY)).isEqualTo(Duration.ofDays(10));
    assertThat(rules.maxTransit(FACTORY, CUSTOMER_SITE)).isEqualTo(Duration.ofDays(3));
    assertThat(rules.approves("PN-1", "szx-parts")).isTrue();
    assertThat(rules.approves("PN-1", "elsewhere")).isFalse();
    assertThat(rules.certificateRequired()).isEqualTo(Set.of("PN-1"));
  }

  private static PolicyDocument version2(String json) {
    return PolicyJson.document(json.getBytes(StandardCharsets.UTF_8), 2);
  }

  /** A policy store nobody wrote to. */
  private static final class EmptyStore
      implements org.apache.kafka.streams.state.ReadOnlyKeyValueStore<String, byte[]> {
    @Override
    public byte[] get(String key) {
      return null;
    }

    @Override
    public org.apache.kafka.streams.state.KeyValueIterator<String, byte[]> range(
        String from, String to) {
      return all();
    }

    @Override
    public org.apache.kafka.streams.state.KeyValueIterator<String, byte[]> all() {
      return new org.apache.kafka.streams.state.KeyValueIterator<>() {
        @Override
        public boolean hasNext() {
          return false;
        }

        @Override
        public org.apache.kafka.streams.KeyValue<String, byte[]> next() {
          throw new java.util.NoSuchElementException();
        }

        @Override
        public void close() {}

        @Override
        public String peekNextKey() {
          throw new java.util.NoSuchElementException();
        }
      };
    }

    @Override
    public long approximateNumEntries() {
      return 0;
    }
  }
}
