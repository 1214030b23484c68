package io.sealtrail.ingest.testing;

import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestTopics;
import io.sealtrail.ingest.gateway.KafkaSubmissionGateway;
import io.sealtrail.ingest.metrics.IngestListener;
import io.sealtrail.ingest.outcome.OutcomeTopics;
import io.sealtrail.ingest.pipeline.IngestVerifier;
import io.sealtrail.ingest.pipeline.OutputSerializers;
import io.sealtrail.ingest.route.InboundRouter;
import io.sealtrail.ingest.topics.TopicSetup;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.testing.EmbeddedKafka;
import io.sealtrail.trust.SubmissionVerifier;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerDirectory;
import io.sealtrail.trust.partner.PartnerRegistrationMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.TestInfo;

/**
 * One test's own ingest deployment on the shared broker: unique topics and groups, verifier
 * instances, a gateway and a router, all closed with the rig.
 */
public final class IngestRig implements AutoCloseable {
  public static final Duration DEDUP_WINDOW = Duration.ofDays(7);

  private final String bootstrap;
  private final String name;
  private final IngestConfig.Topics topics;
  private final Map<String, Object> serdeConfig;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  public IngestRig(String bootstrap, String name) throws InterruptedException {
    this(bootstrap, name, true);
  }

  private IngestRig(String bootstrap, String name, boolean createTopics)
      throws InterruptedException {
    this.bootstrap = bootstrap;
    this.name = name;
    this.topics =
        IngestConfig.from(flat(bootstrap, name, "rig", Duration.ofSeconds(30)))
            .topics()
            .prefixed(name + ".");
    this.serdeConfig =
        Map.of("schema.registry.url", "mock://" + name, "auto.register.schemas", true);
    if (createTopics) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        TopicSetup.ensure(admin, catalogue());
      }
    }
  }

  /** A rig named after the running test. */
  public static IngestRig forTest(EmbeddedKafka kafka, TestInfo test) throws InterruptedException {
    String method = test.getTestMethod().orElseThrow().getName();
    return new IngestRig(kafka.bootstrapServers(), EmbeddedKafka.uniqueName(method));
  }

  /** A rig named after the running test that leaves creating the topics to the code under test. */
  public static IngestRig withoutTopics(EmbeddedKafka kafka, TestInfo test)
      throws InterruptedException {
    String method = test.getTestMethod().orElseThrow().getName();
    return new IngestRig(kafka.bootstrapServers(), EmbeddedKafka.uniqueName(method), false);
  }

  public IngestConfig.Topics topics() {
    return topics;
  }

  /** The rig's topic catalogue, as a node builds it. */
  public IngestTopics catalogue() {
    return IngestTopics.from(config("rig"), serdeConfig);
  }

  public IngestConfig config(String instanceId) {
    return config(instanceId, Duration.ofSeconds(30));
  }

  public IngestConfig config(String instanceId, Duration replyTimeout) {
    return IngestConfig.from(flat(bootstrap, name, instanceId, replyTimeout)).withTopics(topics);
  }

  /** The flat configuration of instance {@code instanceId}; its topics are prefixed after. */
  private static Map<String, String> flat(
      String bootstrap, String name, String instanceId, Duration replyTimeout) {
    return Map.ofEntries(
        Map.entry("bootstrap.servers", bootstrap),
        Map.entry("schema.registry.url", "mock://" + name),
        Map.entry("sealtrail.ingest.instance-id", instanceId),
        Map.entry("sealtrail.ingest.group-prefix", name),
        Map.entry("sealtrail.ingest.dedup-window", DEDUP_WINDOW.toString()),
        Map.entry("sealtrail.ingest.kafka-timeout", "PT10S"),
        Map.entry("sealtrail.ingest.reply-timeout", replyTimeout.toString()),
        // One examining thread: the verifier still verifies ahead of its loop (ADR 16), but trust
        // is called in record order, so a verifier failing after N calls fails at the same record
        // every run (ExactlyOnceIT's mid-batch failure must have written events before it).
        Map.entry("sealtrail.ingest.verify-threads", "1"),
        Map.entry("sealtrail.topics.partitions", "3"),
        Map.entry("sealtrail.topics.replication-factor", "1"),
        Map.entry("sealtrail.http.host", "localhost"),
        Map.entry("sealtrail.http.port", "0"),
        Map.entry("sealtrail.management.port", "0"));
  }

  public IngestVerifier startVerifier(String instanceId, SubmissionVerifier verifier) {
    return startVerifier(instanceId, verifier, IngestListener.NONE);
  }

  /** A verifier that writes no partner outcomes: it knows no partner to write them for. */
  public IngestVerifier startVerifier(
      String instanceId, SubmissionVerifier verifier, IngestListener listener) {
    return startVerifier(instanceId, verifier, PartnerDirectory::empty, listener);
  }

  /** A verifier that writes the outcomes of the partners {@code directory} names. */
  public IngestVerifier startVerifier(
      String instanceId,
      SubmissionVerifier verifier,
      Supplier<PartnerDirectory> directory,
      IngestListener listener) {
    var outcomes =
        new OutcomeTopics(
            Map.of("bootstrap.servers", bootstrap), catalogue(), Duration.ofSeconds(10));
    started.push(outcomes);
    var pipeline =
        new IngestVerifier(
            config(instanceId),
            verifier,
            OutputSerializers.avro(serdeConfig),
            outcomes,
            directory,
            listener,
            Clock.systemUTC());
    pipeline.start();
    started.push(pipeline);
    return pipeline;
  }

  public KafkaSubmissionGateway startGateway(String instanceId) throws InterruptedException {
    var gateway = new KafkaSubmissionGateway(config(instanceId));
    started.push(gateway);
    gateway.start();
    return gateway;
  }

  public InboundRouter startRouter(String instanceId) {
    var router = new InboundRouter(config(instanceId), Clock.systemUTC());
    router.start();
    started.push(router);
    return router;
  }

  public Map<String, Object> serdeConfig() {
    return serdeConfig;
  }

  /** Writes {@code value} to the inbound topic as a partner would, with a forged timestamp. */
  public void produceInbound(String key, byte[] value, Instant forgedTimestamp) throws Exception {
    try (var producer = producer(new ByteArraySerializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  topics.inbound(), null, forgedTimestamp.toEpochMilli(), key, value))
          .get();
    }
  }

  /** Registers {@code partner} on the partners topic, as the admin API would. */
  public void registerPartner(Partner partner) throws Exception {
    try (var serde = new SpecificAvroSerde<>(PartnerRegistration.class);
        var producer = producer(serde.serializer())) {
      serde.configure(serdeConfig, false);
      var registration = PartnerRegistrationMapping.toRegistration(partner, Instant.now(), "test");
      producer
          .send(new ProducerRecord<>(topics.partners(), partner.partnerId(), registration))
          .get();
    }
  }

  private <V> KafkaProducer<String, V> producer(Serializer<V> values) {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", bootstrap), new StringSerializer(), values);
  }

  public List<ConsumerRecord<String, byte[]>> committed(String topic) {
    return TopicReader.committed(bootstrap, topic);
  }

  public List<VerifiedEvent> events() {
    return committed(topics.events()).stream()
        .map(r -> read(VerifiedEvent.class, topics.events(), r.value()))
        .toList();
  }

  /** How many records custody.events holds, aborted ones included. */
  public int uncommittedEventCount() {
    return TopicReader.uncommitted(bootstrap, topics.events()).size();
  }

  public List<RejectedSubmission> rejections() {
    return committed(topics.rejected()).stream()
        .map(r -> read(RejectedSubmission.class, topics.rejected(), r.value()))
        .toList();
  }

  public <T extends SpecificRecord> T read(Class<T> type, String topic, byte[] bytes) {
    try (var serde = new SpecificAvroSerde<>(type)) {
      serde.configure(serdeConfig, false);
      return serde.deserializer().deserialize(topic, bytes);
    }
  }

  @Override
  public void close() throws Exception {
    while (!started.isEmpty()) {
      started.pop().close();
    }
  }
}
