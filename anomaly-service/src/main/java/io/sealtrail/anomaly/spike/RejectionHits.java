package io.sealtrail.anomaly.spike;

import io.sealtrail.avro.common.Evidence;
import io.sealtrail.avro.rejection.RejectedSubmission;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.streams.KeyValue;

/**
 * The rejections to count: each rejected submission, whatever the reason, once in each counted
 * cohort it names: the partner it claimed, its key id, its site and the event type it claimed. A
 * campaign of forged keys spreads over many key ids but claims one partner; a stolen key shows
 * under its own id whatever it claims; a probe of one event type (forged releases or flashes, say)
 * shows under that type whoever it claims to be.
 */
public final class RejectionHits {
  private RejectionHits() {}

  /** Cohort key → evidence, once per cohort the rejection names (none for an anonymous one). */
  public static List<KeyValue<String, Evidence>> cohorts(RejectedSubmission r, SpikeRules rules) {
    Evidence hit = evidence(r);
    List<Cohort> cohorts = new ArrayList<>();
    Cohort.addCounted(cohorts, rules, "partner", r.getPartnerId());
    Cohort.addCounted(cohorts, rules, "key", r.getKeyId());
    Cohort.addCounted(cohorts, rules, "site", r.getSite());
    Cohort.addCounted(cohorts, rules, "eventType", r.getEventType());
    return cohorts.stream().map(c -> KeyValue.pair(c.key(), hit)).toList();
  }

  // A rejection has no accepted event: its submission id, the hash of the bytes as received, and
  // the reason as the note identify it on custody.rejected.
  private static Evidence evidence(RejectedSubmission r) {
    return new Evidence(
        r.getSubmissionId(),
        r.getPartnerId() == null ? "" : r.getPartnerId(),
        sha256(r.getOriginal()),
        null,
        r.getReceivedAt(),
        r.getReason().name());
  }

  private static String sha256(ByteBuffer original) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(original.duplicate());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
