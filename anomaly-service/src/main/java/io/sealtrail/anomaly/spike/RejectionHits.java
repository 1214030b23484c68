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
 * cohort it names: the partner it claimed, its key id and its site. A campaign of forged keys
 * spreads over many key ids but claims one partner; a stolen key shows under its own id whatever it
 * claims.
 */
public final class RejectionHits {
  private RejectionHits() {}

  /** Cohort key → evidence, once per cohort the rejection names (none for an anonymous one). */
  public static List<KeyValue<String, Evidence>> cohorts(RejectedSubmission r, SpikeRules rules) {
    Evidence hit = evidence(r);
    List<KeyValue<String, Evidence>> hits = new ArrayList<>();
    add(hits, rules, "partner", r.getPartnerId(), hit);
    add(hits, rules, "key", r.getKeyId(), hit);
    add(hits, rules, "site", r.getSite(), hit);
    return hits;
  }

  private static void add(
      List<KeyValue<String, Evidence>> hits,
      SpikeRules rules,
      String dimension,
      String value,
      Evidence hit) {
    if (value != null && rules.counts(dimension)) {
      hits.add(KeyValue.pair(new Cohort(dimension, value).key(), hit));
    }
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
