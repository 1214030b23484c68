package io.sealtrail.platform.auth;

import io.sealtrail.platform.loop.TopicFollower;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users as the compacted {@code custody.users} topic says they are, on every node that gates a
 * route: reads the topic from the beginning to the end offsets seen at start, then keeps following,
 * so a revocation takes effect on a node as soon as it has read the record. A {@link PollingLoop}
 * named {@value #NAME} owns the consumer (no group: every node reads everything); {@link #get()} is
 * the latest immutable snapshot. Kafka errors are retried; anything else ends the loop, and
 * readiness turns DOWN naming it.
 */
public final class KafkaUserDirectory implements Supplier<UserDirectory>, AutoCloseable {
  /** The reader's name in logs and in readiness. */
  public static final String NAME = "userDirectoryReader";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaUserDirectory.class);

  private volatile UserDirectory current = UserDirectory.empty();
  private TopicFollower follower;

  private KafkaUserDirectory() {}

  /**
   * Starts following {@code topic} with a consumer built from the consumer settings among {@code
   * clientConfig} (bootstrap servers, security; anything else, e.g. Kafka Streams' own keys, is
   * left out).
   */
  public static KafkaUserDirectory start(Map<String, ?> clientConfig, String topic) {
    KafkaUserDirectory directory = new KafkaUserDirectory();
    directory.follower = TopicFollower.start(clientConfig, NAME, topic, directory::apply);
    return directory;
  }

  @Override
  public UserDirectory get() {
    return current;
  }

  /** Waits until every record present at start has been applied; true if it was in time. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return follower.awaitCaughtUp(timeout);
  }

  /** True once every record present at start has been applied. */
  public boolean isCaughtUp() {
    return follower.isCaughtUp();
  }

  /** Completes when the reader ended: after {@link #close()}, or exceptionally when it died. */
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

  private void apply(ConsumerRecord<String, byte[]> record) {
    if (record.key() != null) {
      current =
          current.with(
              List.of(new AbstractMap.SimpleImmutableEntry<>(record.key(), userOf(record))));
    }
  }

  /** The record's user; none for a tombstone, and none (denied) for one nobody can read. */
  private static Optional<User> userOf(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      return Optional.empty();
    }
    try {
      User user = UserJson.read(record.value());
      if (!user.name().equals(record.key())) {
        throw new IllegalArgumentException("record key " + record.key() + " names another user");
      }
      return Optional.of(user);
    } catch (RuntimeException e) {
      LOG.warn(
          "user record at {}-{}@{} is unreadable, user {} denied: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          record.key(),
          e.getMessage());
      return Optional.empty();
    }
  }
}
