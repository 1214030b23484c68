package io.sealtrail.cli.local;

import static io.sealtrail.cli.local.LocalPlatformIT.envelope;
import static io.sealtrail.cli.local.LocalPlatformIT.freshConfig;
import static io.sealtrail.cli.local.LocalPlatformIT.getQuietly;
import static io.sealtrail.cli.local.LocalPlatformIT.post;
import static io.sealtrail.cli.local.LocalPlatformIT.registration;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.platform.auth.Role;
import io.sealtrail.testing.Eventually;
import io.sealtrail.testing.GroupLag;
import io.sealtrail.trust.crypto.KeyAlgorithm;
import io.sealtrail.trust.crypto.KeyPairs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: once traffic stops, Kafka's own view of every consumer group of the platform (committed
 * offset against log end offset, as {@code kafka-consumer-groups --describe} computes lag) shows
 * lag 0 on every partition, although most topics end with transaction commit markers that no
 * consumer ever receives.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class IdleGroupLagIT {

  private static final Duration IDLE_BOUND = Duration.ofSeconds(60);
  private static final String PROBE_GROUP = "idle-lag-probe";

  @TempDir Path dataDir;

  @Test
  void shouldShowLagZeroForEveryConsumerGroupWhenTrafficStops() throws Exception {
    LocalConfig config = freshConfig(dataDir);
    try (var platform = LocalPlatform.start(config)) {
      String admin = token(config, Role.ADMIN);
      String recall = token(config, Role.RECALL);
      var http = platform.httpUrl();
      List<String> serials = List.of("IDLE-1", "IDLE-2", "IDLE-3");
      for (int i = 0; i < serials.size(); i++) {
        Signer key =
            Signers.forKey(
                KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
        var registered = post(http.resolve("/v1/partners"), registration("p" + i, key), admin);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var submitted =
            post(http.resolve("/v1/events"), envelope("p" + i, serials.get(i), key), null);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
      }
      Signer stranger =
          Signers.forKey(
              KeyPairs.generate(KeyAlgorithm.ED25519, new SecureRandom()).privateKeyPkcs8());
      post(http.resolve("/v1/events"), envelope("nobody", "IDLE-X", stranger), null);
      for (String serial : serials) {
        Eventually.await(
            () -> getQuietly(http.resolve("/v1/serials/" + serial), recall),
            r -> r.statusCode() == 200,
            serial + "'s state");
      }

      try (var kafka = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
        System.out.println(
            "lag when every serial's state was visible: " + laggingOnly(lags(kafka)));
        long start = System.nanoTime();
        Map<String, Map<TopicPartition, Long>> lags = awaitIdle(kafka);
        System.out.printf(
            "lag after %d ms: %s; groups: %s%n",
            Duration.ofNanos(System.nanoTime() - start).toMillis(), laggingOnly(lags), lags);
        assertThat(lags).as("every consumer group of the platform").isNotEmpty();
        assertThat(lags.keySet())
            .as("the groups found")
            .contains("sealtrail-custody", "sealtrail-anomaly");
        assertThat(laggingOnly(lags))
            .as("groups with lag > 0 %s after traffic stopped", IDLE_BOUND)
            .isEmpty();

        // The probe sees the gap this issue is about: a group that commits only past its last
        // record stops before custody.events' final commit marker, one offset per partition.
        Map<TopicPartition, Long> probe =
            commitPastLastRecordOnly(platform.bootstrapServers(), serials.size());
        assertThat(probe).isNotEmpty();
        assertThat(lags(kafka).get(PROBE_GROUP)).containsAllEntriesOf(probe);
      }
    }
  }

  /**
   * Reads custody.events read_committed in {@link #PROBE_GROUP} and commits the offset after each
   * partition's last record; returns the lag that leaves (1 per partition with records: the
   * marker).
   */
  private static Map<TopicPartition, Long> commitPastLastRecordOnly(String bootstrap, int events) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", bootstrap,
            "isolation.level", "read_committed",
            "auto.offset.reset", "earliest",
            "enable.auto.commit", "false",
            "group.id", PROBE_GROUP);
    try (var consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("custody.events"));
      Map<TopicPartition, OffsetAndMetadata> last = new HashMap<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      int seen = 0;
      while (seen < events && System.nanoTime() < deadline) {
        for (var r : consumer.poll(Duration.ofMillis(500))) {
          last.put(
              new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
          seen++;
        }
      }
      consumer.commitSync(last);
      Map<TopicPartition, Long> lag = new HashMap<>();
      last.keySet().forEach(p -> lag.put(p, 1L));
      return lag;
    }
  }

  /** Every group's lag, polled until all are 0 or {@link #IDLE_BOUND} has passed. */
  private static Map<String, Map<TopicPartition, Long>> awaitIdle(Admin kafka) throws Exception {
    long deadline = System.nanoTime() + IDLE_BOUND.toNanos();
    while (true) {
      var lags = lags(kafka);
      if (laggingOnly(lags).isEmpty() || System.nanoTime() > deadline) {
        return lags;
      }
      Thread.sleep(200);
    }
  }

  private static Map<String, Map<String, Long>> laggingOnly(
      Map<String, Map<TopicPartition, Long>> lags) {
    Map<String, Map<String, Long>> lagging = new TreeMap<>();
    lags.forEach(
        (group, partitions) -> {
          var behind = GroupLag.behind(partitions);
          if (!behind.isEmpty()) {
            lagging.put(group, behind);
          }
        });
    return lagging;
  }

  /** Every consumer group's lag on every partition it reads. */
  private static Map<String, Map<TopicPartition, Long>> lags(Admin kafka) throws Exception {
    Map<String, Map<TopicPartition, Long>> lags = new TreeMap<>();
    for (var listing :
        kafka.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)) {
      var lag = GroupLag.of(kafka, listing.groupId());
      if (!lag.isEmpty()) {
        lags.put(listing.groupId(), lag);
      }
    }
    return lags;
  }

  private static String token(LocalConfig config, Role role) throws Exception {
    return Files.readString(config.tokensDir().resolve(role.fileName())).strip();
  }
}
