package io.sealtrail.custody.policy;

import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.SitePair;
import io.sealtrail.trust.policy.KafkaPolicy;
import io.sealtrail.trust.policy.PolicyDocument;
import io.sealtrail.trust.policy.PolicyJson;
import io.sealtrail.trust.policy.Transit;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detection rules in force: the configured ones ({@code grace} and, until an administrator puts
 * a policy version, the configured transit times) with the transit times, approved suppliers and
 * certificate-required part numbers of the policy version in the global {@link PolicyStore}. Read
 * at decision time; a version is parsed once, when it is first seen.
 */
public final class RuntimeRules {
  private static final Logger LOG = LoggerFactory.getLogger(RuntimeRules.class);

  private final DetectionRules configured;
  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private byte[] seen;
  private DetectionRules current;

  public RuntimeRules(DetectionRules configured, ReadOnlyKeyValueStore<String, byte[]> store) {
    this.configured = configured;
    this.store = store;
    this.current = configured;
  }

  /**
   * The rules of the policy version in the store now, or the configured ones while there is none.
   */
  public DetectionRules current() {
    byte[] stored = store.get(KafkaPolicy.KEY);
    if (stored == null) {
      seen = null;
      current = configured;
    } else if (!Arrays.equals(stored, seen)) {
      seen = stored;
      try {
        current = of(configured, PolicyJson.stored(stored));
      } catch (IllegalArgumentException e) {
        // Only the admin API writes the topic, after validating: keep what was in force.
        LOG.error("policy record unreadable, the rules in force stay: {}", e.getMessage());
      }
    }
    return current;
  }

  /** {@code configured}'s grace with everything else from {@code policy}. */
  public static DetectionRules of(DetectionRules configured, PolicyDocument policy) {
    Transit transit = policy.transit();
    return new DetectionRules(
        configured.grace(),
        transit.defaultMin(),
        lanes(transit.min()),
        transit.defaultMax(),
        lanes(transit.max()),
        policy.approvedSuppliers(),
        policy.certificateRequired());
  }

  private static Map<SitePair, Duration> lanes(List<Transit.Lane> lanes) {
    Map<SitePair, Duration> byPair = new HashMap<>();
    lanes.forEach(lane -> byPair.put(SitePair.of(lane.a(), lane.b()), lane.duration()));
    return byPair;
  }
}
