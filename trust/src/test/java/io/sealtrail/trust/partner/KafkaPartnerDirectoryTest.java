package io.sealtrail.trust.partner;

import static io.sealtrail.trust.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.platform.health.Health;
import io.sealtrail.platform.health.LoopHealthCheck;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.testing.Await;
import io.sealtrail.trust.testing.Fixtures;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The directory is rebuilt from the compacted topic, then follows it; tested with Kafka's
 * MockConsumer.
 */
class KafkaPartnerDirectoryTest {
  private static final String TOPIC = "custody.partners";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);

  private final MockConsumer<String, PartnerRegistration> consumer = new MockConsumer<>("earliest");
  private final Signer oldKey = Fixtures.ed25519();
  private final Signer newKey = Fixtures.p256();
  private KafkaPartnerDirectory directory;

  @AfterEach
  void close() {
    if (directory != null) {
      directory.close();
    }
  }

  @Test
  void shouldRebuildTheLatestRegistrationOfEveryPartnerFromTheTopic() throws InterruptedException {
    topicHolds(
        List.of(
            record(0, "acme", registration("acme", oldKey)),
            record(1, "beta", registration("beta", Fixtures.ed25519())),
            record(2, "acme", registration("acme", newKey))));

    directory = start();

    assertThat(directory.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
    assertThat(directory.get().size()).isEqualTo(2);
    assertThat(directory.get().key(oldKey.keyId().hex())).isEmpty();
    assertThat(directory.get().key(newKey.keyId().hex()))
        .map(k -> k.partner().partnerId())
        .contains("acme");
  }

  @Test
  void shouldWaitForTheTopicWhenItIsNotInTheMetadataYet() throws InterruptedException {
    directory = start();

    boolean caughtUpBeforeTheTopicExists = directory.awaitCaughtUp(Duration.ofMillis(300));
    topicHolds(List.of(record(0, "acme", registration("acme", oldKey))));

    assertThat(caughtUpBeforeTheTopicExists).isFalse();
    assertThat(directory.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
    assertThat(directory.get().partner("acme")).isPresent();
  }

  @Test
  void shouldFollowRevocationsAndTombstonesAfterCatchingUp() throws InterruptedException {
    topicHolds(List.of(record(0, "acme", registration("acme", oldKey))));
    directory = start();
    directory.awaitCaughtUp(Duration.ofSeconds(10));

    Partner revoked =
        Fixtures.partner("acme", Set.of("DOCK"), oldKey).withKeyRevoked(oldKey.keyId().hex(), T0);
    consumer.schedulePollTask(
        () ->
            consumer.addRecord(
                record(
                    1, "acme", PartnerRegistrationMapping.toRegistration(revoked, T0, "admin"))));
    Await.until(
        () ->
            directory
                .get()
                .key(oldKey.keyId().hex())
                .map(k -> k.key().revokedAt() != null)
                .orElse(false),
        Duration.ofSeconds(10));
    consumer.schedulePollTask(() -> consumer.addRecord(record(2, "acme", null)));
    Await.until(() -> directory.get().partner("acme").isEmpty(), Duration.ofSeconds(10));

    assertThat(directory.get().size()).isZero();
  }

  @Test
  void shouldStillApplyARevocationWhenAnotherKeyOfTheRegistrationIsUnusable()
      throws InterruptedException {
    Partner revoked =
        Fixtures.partner("acme", Set.of("DOCK"), oldKey, newKey)
            .withKeyRevoked(oldKey.keyId().hex(), T0);
    PartnerRegistration withBadKey =
        PartnerRegistrationMapping.toRegistration(revoked, T0, "admin");
    withBadKey.getKeys().get(1).setKeyId("00".repeat(32));
    topicHolds(
        List.of(record(0, "acme", registration("acme", oldKey)), record(1, "acme", withBadKey)));

    directory = start();

    assertThat(directory.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
    assertThat(directory.get().key(oldKey.keyId().hex()).orElseThrow().key().revokedAt())
        .isEqualTo(T0);
    assertThat(directory.get().key(newKey.keyId().hex())).isEmpty();
  }

  @Test
  void shouldWithdrawAPartnersKeysWhenItsRegistrationCannotBeRead() throws InterruptedException {
    topicHolds(List.of(record(0, "acme", registration("acme", oldKey))));
    directory = start();
    directory.awaitCaughtUp(Duration.ofSeconds(10));

    consumer.schedulePollTask(() -> consumer.setPollException(unreadable(1, "acme")));
    Await.until(() -> directory.get().partner("acme").isEmpty(), Duration.ofSeconds(10));

    assertThat(directory.get().key(oldKey.keyId().hex())).isEmpty();
  }

  @Test
  void shouldKeepFollowingAfterTheBrokerFailsAPoll() throws InterruptedException {
    topicHolds(List.of(record(0, "acme", registration("acme", oldKey))));
    directory = start();
    directory.awaitCaughtUp(Duration.ofSeconds(10));

    consumer.schedulePollTask(() -> consumer.setPollException(new KafkaException("broker away")));
    consumer.schedulePollTask(
        () -> consumer.addRecord(record(1, "beta", registration("beta", newKey))));
    Await.until(() -> directory.get().partner("beta").isPresent(), Duration.ofSeconds(10));

    assertThat(directory.isCaughtUp()).isTrue();
  }

  @Test
  void shouldWithdrawAPartnerWhenItsRegistrationIsInvalidAsAWhole() throws InterruptedException {
    topicHolds(List.of(record(0, "acme", registration("acme", oldKey))));
    directory = start();
    directory.awaitCaughtUp(Duration.ofSeconds(10));
    PartnerRegistration keyTwice =
        PartnerRegistrationMapping.toRegistration(
            Fixtures.partner("acme", Set.of("DOCK"), oldKey), T0, "admin");
    keyTwice.setKeys(List.of(keyTwice.getKeys().get(0), keyTwice.getKeys().get(0)));

    consumer.schedulePollTask(() -> consumer.addRecord(record(1, "acme", keyTwice)));
    Await.until(() -> directory.get().partner("acme").isEmpty(), Duration.ofSeconds(10));

    assertThat(directory.get().key(oldKey.keyId().hex())).isEmpty();
  }

  @Test
  void shouldWithdrawThePartnerOfTheRecordKeyWhenTheValueNamesAnother()
      throws InterruptedException {
    topicHolds(
        List.of(
            record(0, "acme", registration("acme", oldKey)),
            record(1, "beta", registration("beta", Fixtures.ed25519()))));
    directory = start();
    directory.awaitCaughtUp(Duration.ofSeconds(10));

    consumer.schedulePollTask(
        () -> consumer.addRecord(record(2, "beta", registration("acme", newKey))));
    Await.until(() -> directory.get().partner("beta").isEmpty(), Duration.ofSeconds(10));

    assertThat(directory.get().key(oldKey.keyId().hex()))
        .as("acme's registration is not replaced by a record keyed beta")
        .map(k -> k.partner().partnerId())
        .contains("acme");
    assertThat(directory.get().key(newKey.keyId().hex())).isEmpty();
  }

  @Test
  void shouldBeStaleWhenTheBrokerHasNotAnsweredForLongerThanTheMaximumAge()
      throws InterruptedException {
    MutableClock clock = new MutableClock(T0);
    topicHolds(List.of(record(0, "acme", registration("acme", oldKey))));
    assertThat(
            new KafkaPartnerDirectory(consumer, TOPIC, Duration.ofMillis(20), clock)
                .isFresh(Duration.ofMinutes(1)))
        .as("not fresh before it has caught up")
        .isFalse();
    directory = new KafkaPartnerDirectory(consumer, TOPIC, Duration.ofMillis(20), clock);
    directory.start();
    directory.awaitCaughtUp(Duration.ofSeconds(10));
    Await.until(() -> directory.lastSuccessfulPoll().isPresent(), Duration.ofSeconds(10));
    assertThat(directory.isFresh(Duration.ofMinutes(1))).isTrue();

    for (int i = 0; i < 1000; i++) {
      consumer.schedulePollTask(() -> consumer.setPollException(new KafkaException("away")));
    }
    Thread.sleep(100);
    clock.set(T0.plus(Duration.ofMinutes(2)));

    assertThat(directory.lastSuccessfulPoll()).contains(T0);
    assertThat(directory.isFresh(Duration.ofMinutes(1))).isFalse();
    assertThat(directory.isCaughtUp()).isTrue();
  }

  @Test
  void shouldTurnReadinessDownNamingTheReaderWhenItsConsumerIsClosedUnderIt()
      throws InterruptedException {
    topicHolds(List.of(record(0, "acme", registration("acme", oldKey))));
    directory = start();
    var readiness = new LoopHealthCheck(KafkaPartnerDirectory.NAME, directory.stopped());
    Await.until(directory::isCaughtUp, Duration.ofSeconds(10));
    assertThat(readiness.check()).isEqualTo(Health.UP);

    consumer.schedulePollTask(consumer::close); // the next poll meets a closed consumer

    assertThat(directory.stopped()).failsWithin(Duration.ofSeconds(10));
    assertThat(readiness.name()).isEqualTo("partnerDirectoryReader");
    assertThat(readiness.check().up()).isFalse();
    assertThat(readiness.check().reason())
        .startsWith("stopped: IllegalStateException: ")
        .contains("closed");
    assertThat(directory.get().partner("acme")).as("the last snapshot still serves").isPresent();
  }

  /** A clock tests move by hand. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private static RecordDeserializationException unreadable(long offset, String key) {
    return new RecordDeserializationException(
        RecordDeserializationException.DeserializationExceptionOrigin.VALUE,
        P0,
        offset,
        0L,
        TimestampType.CREATE_TIME,
        ByteBuffer.wrap(key.getBytes(StandardCharsets.UTF_8)),
        ByteBuffer.wrap(new byte[] {0}),
        new RecordHeaders(),
        "unreadable",
        null);
  }

  private KafkaPartnerDirectory start() {
    KafkaPartnerDirectory started =
        new KafkaPartnerDirectory(consumer, TOPIC, Duration.ofMillis(20));
    started.start();
    return started;
  }

  private void topicHolds(List<ConsumerRecord<String, PartnerRegistration>> records) {
    consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, null, null, null)));
    consumer.updateBeginningOffsets(Map.of(P0, 0L));
    consumer.updateEndOffsets(Map.of(P0, (long) records.size()));
    consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
  }

  private static ConsumerRecord<String, PartnerRegistration> record(
      long offset, String key, PartnerRegistration value) {
    return new ConsumerRecord<>(TOPIC, 0, offset, key, value);
  }

  private static PartnerRegistration registration(String partnerId, Signer key) {
    return PartnerRegistrationMapping.toRegistration(
        Fixtures.partner(partnerId, Set.of("DOCK"), key), T0, "admin");
  }
}
