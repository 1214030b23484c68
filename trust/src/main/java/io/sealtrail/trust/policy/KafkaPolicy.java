package io.sealtrail.trust.policy;

import io.sealtrail.platform.loop.TopicFollower;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy in force as the compacted policy topic says it is, on every instance: version 1 (the
 * shipped defaults) while the topic is empty, then the highest version read. A {@link
 * TopicFollower} named {@value #NAME} reads it; {@link #get()} is the latest document, so each
 * submission is verified by the version in force when its verification started.
 */
public final class KafkaPolicy implements Supplier<PolicyDocument>, AutoCloseable {
  /** The reader's name in logs and in readiness. */
  public static final String NAME = "policyReader";

  /** The record key of every policy version: compaction keeps the latest. */
  public static final String KEY = "policy";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaPolicy.class);

  private final PolicyVersions versions = new PolicyVersions();
  private final TopicFollower follower;

  private KafkaPolicy(Map<String, ?> clientConfig, String topic) {
    this.follower = TopicFollower.start(clientConfig, NAME, topic, this::apply);
  }

  /** Starts following {@code topic} (bootstrap servers and security among {@code clientConfig}). */
  public static KafkaPolicy start(Map<String, ?> clientConfig, String topic) {
    return new KafkaPolicy(clientConfig, topic);
  }

  @Override
  public PolicyDocument get() {
    return versions.current();
  }

  /** The {@link Policy} part of the version in force, what the verifier judges by. */
  public Policy policy() {
    return get().policy();
  }

  /** Waits until the version in force is {@code version} or later; true if it was in time. */
  public boolean awaitVersion(int version, Duration timeout) throws InterruptedException {
    return versions.await(version, timeout);
  }

  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  public CompletableFuture<Void> stopped() {
    return follower.stopped();
  }

  public String topic() {
    return follower.topic();
  }

  @Override
  public void close() {
    follower.close();
  }

  // Only the admin API writes the topic, after validating; a record nobody can read is not a policy
  // anyone accepted, so the version in force stays and the record is logged.
  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return;
    }
    try {
      versions.offer(PolicyJson.stored(record.value()));
    } catch (RuntimeException e) {
      LOG.error(
          "policy record at {}-{}@{} is unreadable, version {} stays in force: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          versions.current().version(),
          e.getMessage());
    }
  }
}
