package io.sealtrail.client.it;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.testing.TempDirs;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerKey;
import io.sealtrail.trust.partner.PartnerRegistrationMapping;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private final IngestConfig config;
  private final IngestConfig.Topics topics;
  private final Map<String, Object> serdeConfig;
  private IngestNode service;
  private final Path tokens;

  IngestPlatform(String bootstrap, String name) throws IOException {
    this.bootstrap = bootstrap;
    this.name = name;
    this.port = freePort();
    this.tokens = Files.createTempDirectory("tokens");
    RoleTokens.ensure(tokens);
    var flat =
        IngestConfig.from(
            Map.ofEntries(
                Map.entry("bootstrap.servers", bootstrap),
                Map.entry("schema.registry.url", "mock://" + name),
                Map.entry("sealtrail.ingest.instance-id", name),
                Map.entry("sealtrail.ingest.group-prefix", name),
                Map.entry("sealtrail.ingest.kafka-timeout", "PT5S"),
                Map.entry("sealtrail.topics.partitions", "3"),
                Map.entry("sealtrail.topics.replication-factor", "1"),
                Map.entry("sealtrail.http.host", "localhost"),
                Map.entry("sealtrail.http.port", Integer.toString(port)),
                Map.entry("sealtrail.management.port", "0"),
                Map.entry("sealtrail.tokens.dir", tokens.toString())));
    this.config = flat.withTopics(flat.topics().prefixed(name + "."));
    this.topics = config.topics();
    this.serdeConfig = config.serdeConfig();
  }

  /** Where ingest writes accepted events (its own, prefixed topic). */
  String eventsTopic() {
    return topics.events();
  }

  /** The registry the events are written with. */
  String registryUrl() {
    return "mock://" + name;
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
    service = IngestNode.start(config);
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
    try {
      if (service != null) {
        service.close();
      }
    } finally {
      TempDirs.delete(tokens);
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
