package io.sealtrail.trust.partner;

import static io.sealtrail.trust.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.testing.Await;
import io.sealtrail.trust.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The partner directory read from, and rebuilt from, a compacted topic on a real KRaft broker. */
class KafkaPartnerDirectoryIT {
  @RegisterExtension static final EmbeddedKafka KAFKA = new EmbeddedKafka();

  private final String topic = "custody.partners-" + UUID.randomUUID();
  private final Signer acmeKey = Fixtures.ed25519();
  private final Signer betaKey = Fixtures.p256();

  @Test
  void shouldLoadTheTopicFollowARevocationAndRebuildTheSameStateAfterARestart() throws Exception {
    createCompactedTopic();
    send(registration(Fixtures.partner("acme", Set.of("DOCK"), acmeKey)));
    send(registration(Fixtures.partner("beta", Set.of("STATION"), betaKey)));

    try (KafkaPartnerDirectory first = start()) {
      assertThat(first.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      assertThat(first.get().size()).isEqualTo(2);
      send(
          registration(
              Fixtures.partner("acme", Set.of("DOCK"), acmeKey)
                  .withKeyRevoked(acmeKey.keyId().hex(), T0)));
      Await.until(
          () ->
              first
                  .get()
                  .key(acmeKey.keyId().hex())
                  .map(k -> k.key().revokedAt() != null)
                  .orElse(false),
          Duration.ofSeconds(30));
    }

    try (KafkaPartnerDirectory rebuilt = start()) {
      assertThat(rebuilt.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
      assertThat(rebuilt.get().key(acmeKey.keyId().hex()).orElseThrow().key().revokedAt())
          .isEqualTo(T0);
      assertThat(rebuilt.get().partner("beta")).isPresent();
    }
  }

  private KafkaPartnerDirectory start() {
    return KafkaPartnerDirectory.start(
        Map.of("bootstrap.servers", KAFKA.bootstrapServers()), topic, new AvroBinary());
  }

  private void createCompactedTopic() throws Exception {
    try (var admin = KAFKA.admin()) {
      NewTopic newTopic =
          new NewTopic(topic, 2, (short) 1)
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      admin.createTopics(List.of(newTopic)).all().get();
    }
  }

  private void send(PartnerRegistration registration) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KAFKA.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (var producer =
        new KafkaProducer<>(
            config, new StringSerializer(), (String t, PartnerRegistration r) -> encode(r))) {
      producer.send(new ProducerRecord<>(topic, registration.getPartnerId(), registration)).get();
    }
  }

  private static PartnerRegistration registration(Partner partner) {
    return PartnerRegistrationMapping.toRegistration(partner, T0, "admin");
  }

  private static byte[] encode(PartnerRegistration registration) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Encoder encoder = EncoderFactory.get().binaryEncoder(out, null);
      new SpecificDatumWriter<>(PartnerRegistration.class).write(registration, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Plain Avro binary; the schema-registry serde of the registry module plugs in the same way. */
  private static final class AvroBinary implements Deserializer<PartnerRegistration> {
    @Override
    public PartnerRegistration deserialize(String topic, byte[] data) {
      if (data == null) {
        return null;
      }
      try {
        return new SpecificDatumReader<>(PartnerRegistration.class)
            .read(null, DecoderFactory.get().binaryDecoder(data, null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
