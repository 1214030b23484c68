package io.sealtrail.client.it;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestListener;
import io.sealtrail.ingest.http.IngestService;
import io.sealtrail.ingest.topics.IngestTopics;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.partner.PartnerRegistrationMapping;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real ingest service (HTTP over an in-process broker) that the client ITs submit to, with its
 * own topics and one registered manufacturer; started on a port chosen before, so a client can be
 * pointed at it while it is still down.
 */
final class IngestPlatform implements AutoCloseable {
  static final String PARTNER = "acme";

  private final String bootstrap;
  private final String name;
  private final int port;
  private final IngestTopics topics;
  private final Map<String, Object> serdeConfig;
  private IngestService service;

  IngestPlatform(String bootstrap, String name) throws IOException {
    this.bootstrap = bootstrap;
    this.name = name;
    this.port = freePort();
    this.topics =
        IngestTopics.fromConfig(
                Map.of(
                    "sealtrail.topics.partitions", "3", "sealtrail.topics.replication-factor", "1"))
            .prefixed(name + ".");
    this.serdeConfig =
        Map.of("schema.registry.url", "mock://" + name, "auto.register.schemas", true);
  }

  URI url() {
    return URI.create("http://localhost:" + port);
  }

  /** Registers {@link #PARTNER} with {@code key}, then starts the service on {@link #url()}. */
  void start(Signer key) throws Exception {
    register(
        new Partner(
            PARTNER,
            Set.of("MANUFACTURER"),
            Set.of(),
            List.of(PartnerKey.unbounded(key.verifier()))));
    var config =
        new IngestConfig(
            bootstrap,
            name,
            name,
            topics,
            Duration.ofMinutes(5),
            Duration.ofDays(30),
            Duration.ofDays(7),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Map.of());
    service =
        IngestService.start(
            config,
            serdeConfig,
            IngestListener.NONE,
            RoleTokens.ensure(Files.createTempDirectory("tokens")),
            new HttpBinding("localhost", port, Map.of()));
  }

  private void register(Partner partner) throws Exception {
    try (var serde = new SpecificAvroSerde<>(PartnerRegistration.class)) {
      serde.configure(serdeConfig, false);
      try (var producer =
          new KafkaProducer<>(
              Map.<String, Object>of("bootstrap.servers", bootstrap),
              new StringSerializer(),
              serde.serializer())) {
        var registration = PartnerRegistrationMapping.toRegistration(partner, Instant.now(), "it");
        producer
            .send(new ProducerRecord<>(topics.partners(), partner.partnerId(), registration))
            .get();
      }
    }
  }

  /** The eventId of every event committed on custody.events, read with read_committed. */
  List<String> committedEventIds() {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    List<String> ids = new ArrayList<>();
    try (var consumer = new KafkaConsumer<String, byte[]>(config);
        var serde = new SpecificAvroSerde<>(VerifiedEvent.class)) {
      serde.configure(serdeConfig, false);
      List<TopicPartition> partitions =
          consumer.partitionsFor(topics.events()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
        consumer
            .poll(Duration.ofMillis(200))
            .forEach(
                r ->
                    ids.add(
                        serde
                            .deserializer()
                            .deserialize(r.topic(), r.value())
                            .getEvent()
                            .getEventId()));
      }
    }
    return ids;
  }

  @Override
  public void close() throws Exception {
    if (service != null) {
      service.close();
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
