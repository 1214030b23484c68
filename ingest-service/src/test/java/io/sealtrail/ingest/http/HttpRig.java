package io.sealtrail.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestNode;
import io.sealtrail.ingest.testing.TopicReader;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditEntryJson;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.registry.serde.SpecificAvroSerde;
import io.sealtrail.testing.TempDirs;
import io.sealtrail.trust.partner.Partner;
import io.sealtrail.trust.partner.PartnerRegistrationMapping;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One test class's ingest service on the shared broker, with its own topics, reached over real
 * HTTP; partners given at start are on custody.partners before the service reads it.
 */
final class HttpRig implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bootstrap;
  private final IngestConfig.Topics topics;
  private final Map<String, Object> serdeConfig;
  private final IngestNode service;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Path tokens;
  private final String name;
  private final Map<String, Object> http;

  HttpRig(String bootstrap, String name, List<Partner> partners, Map<String, Object> http)
      throws Exception {
    this.bootstrap = bootstrap;
    this.name = name;
    this.http = http;
    this.tokens = Files.createTempDirectory("tokens");
    RoleTokens.ensure(tokens);
    IngestConfig config = config(name, name, http);
    this.topics = config.topics();
    this.serdeConfig = config.serdeConfig();
    for (Partner partner : partners) {
      register(partner);
    }
    this.service = IngestNode.start(config);
  }

  /**
   * Another instance of the same service: the same topics (users included) and token files, its own
   * instance id and ports. The caller closes it.
   */
  IngestNode startAnother(String instanceId) throws InterruptedException {
    IngestConfig config = config(name, instanceId, http);
    return IngestNode.start(config.withTopics(topics));
  }

  /** The topics this rig's service reads and writes. */
  IngestConfig.Topics topics() {
    return topics;
  }

  String bootstrap() {
    return bootstrap;
  }

  /** The registry settings of this rig's Avro topics. */
  Map<String, Object> serdeConfig() {
    return serdeConfig;
  }

  /** One instance on topics of its own, serving on free ports; {@code http} adds keys. */
  private IngestConfig config(String name, String instanceId, Map<String, Object> http) {
    Map<String, String> flat = new HashMap<>();
    flat.put("bootstrap.servers", bootstrap);
    flat.put("schema.registry.url", "mock://" + name);
    flat.put("sealtrail.ingest.instance-id", instanceId);
    flat.put("sealtrail.ingest.group-prefix", name);
    flat.put("sealtrail.ingest.kafka-timeout", "PT5S");
    flat.put("sealtrail.topics.partitions", "3");
    flat.put("sealtrail.topics.replication-factor", "1");
    flat.put("sealtrail.http.host", "localhost");
    flat.put("sealtrail.http.port", "0");
    flat.put("sealtrail.management.port", "0");
    flat.put("sealtrail.tokens.dir", tokens.toString());
    http.forEach((key, value) -> flat.put(key, String.valueOf(value)));
    IngestConfig config = IngestConfig.from(flat);
    return config.withTopics(config.topics().prefixed(name + "."));
  }

  private void register(Partner partner) throws Exception {
    try (var serde = new SpecificAvroSerde<>(PartnerRegistration.class)) {
      serde.configure(serdeConfig, false);
      try (var producer =
          new KafkaProducer<>(
              Map.<String, Object>of("bootstrap.servers", bootstrap),
              new StringSerializer(),
              serde.serializer())) {
        var registration =
            PartnerRegistrationMapping.toRegistration(partner, Instant.now(), "test");
        producer
            .send(new ProducerRecord<>(topics.partners(), partner.partnerId(), registration))
            .get();
      }
    }
  }

  /** The answer to {@code method path} with {@code body} of {@code contentType}, and headers. */
  Answer send(String method, String path, String contentType, byte[] body, String token)
      throws Exception {
    return send(service, method, path, contentType, body, token, Map.of());
  }

  /** The same with {@code headers} besides. */
  Answer send(
      String method,
      String path,
      String contentType,
      byte[] body,
      String token,
      Map<String, String> headers)
      throws Exception {
    return send(service, method, path, contentType, body, token, headers);
  }

  /** As above, to {@code node}'s server, e.g. another instance's. */
  Answer send(
      IngestNode node, String method, String path, String contentType, byte[] body, String token)
      throws Exception {
    return send(node, method, path, contentType, body, token, Map.of());
  }

  private Answer send(
      IngestNode node,
      String method,
      String path,
      String contentType,
      byte[] body,
      String token,
      Map<String, String> headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(node.url() + path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .header("Content-Type", contentType);
    headers.forEach(request::header);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<byte[]> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
    return new Answer(response.statusCode(), response.headers().map(), json);
  }

  /** The answer to {@code GET path} with the {@code Authorization} header given, if any. */
  Answer get(String path, String authorization) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(service.url() + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<byte[]> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
    return new Answer(response.statusCode(), response.headers().map(), json);
  }

  /** The body of {@code GET path} as text. */
  String text(String path) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(service.url() + path)).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The body of {@code GET /prometheus} on the management port. */
  String metrics() throws Exception {
    URI uri = service.managementUrl().orElseThrow().resolve("/prometheus");
    return client
        .send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  Answer postEvents(String contentType, byte[] body) throws Exception {
    return send("POST", "/v1/events", contentType, body, null);
  }

  /** Every event committed on this rig's custody.events. */
  List<VerifiedEvent> events() {
    try (var serde = new SpecificAvroSerde<>(VerifiedEvent.class)) {
      serde.configure(serdeConfig, false);
      return TopicReader.committed(bootstrap, topics.events()).stream()
          .map(r -> serde.deserializer().deserialize(topics.events(), r.value()))
          .toList();
    }
  }

  /** Every audit entry on this rig's audit actions topic, in order. */
  List<AuditEntry> auditEntries() {
    return TopicReader.committed(bootstrap, topics.auditActions()).stream()
        .map(r -> AuditEntryJson.read(r.value()))
        .toList();
  }

  /** The name the gate gives the caller holding {@code role}'s token. */
  String callerName(Role role) throws java.io.IOException {
    return RoleTokens.load(tokens).authenticate(token(role)).orElseThrow().name();
  }

  /** Every rejection committed on this rig's custody.rejected. */
  List<io.sealtrail.avro.rejection.RejectedSubmission> rejected() {
    try (var serde =
        new SpecificAvroSerde<>(io.sealtrail.avro.rejection.RejectedSubmission.class)) {
      serde.configure(serdeConfig, false);
      return TopicReader.committed(bootstrap, topics.rejected()).stream()
          .map(r -> serde.deserializer().deserialize(topics.rejected(), r.value()))
          .toList();
    }
  }

  /** The bearer token of {@code role}, as local mode writes it. */
  String token(Role role) throws java.io.IOException {
    return Files.readString(tokens.resolve(role.fileName())).strip();
  }

  IngestNode service() {
    return service;
  }

  @Override
  public void close() throws Exception {
    try {
      service.close();
    } finally {
      TempDirs.delete(tokens);
    }
  }

  /** An HTTP answer: status, headers (lower-case names) and the JSON body, if any. */
  record Answer(int status, Map<String, List<String>> headers, JsonNode body) {
    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of()).stream()
          .findFirst()
          .orElse(null);
    }
  }
}
