package io.sealtrail.system.config;

import static io.sealtrail.system.config.DeployFiles.at;
import static io.sealtrail.system.config.DeployFiles.list;
import static io.sealtrail.system.config.DeployFiles.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.anomaly.AnomalyConfig;
import io.sealtrail.anomaly.AnomalyTopics;
import io.sealtrail.custody.CustodyConfig;
import io.sealtrail.custody.CustodyTopics;
import io.sealtrail.ingest.IngestConfig;
import io.sealtrail.ingest.IngestTopics;
import io.sealtrail.log.LogConfig;
import io.sealtrail.log.LogTopics;
import io.sealtrail.platform.env.EnvSetting;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.platform.topic.TopicSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker-compose.yml and deploy/k8s/*.yaml checked against the services' own configuration
 * classes: every topic a service needs is declared alike in both, every variable set is one a
 * service reads and every required one is set, and only ingest may write custody.events.
 */
class DeployConfigTest {
  // Read by the JVM or only used to build other values in a manifest, not by a service.
  static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "POD_NAME");
  // Defaulted to localhost for a laptop, which is never right in a deployment.
  static final Set<String> DEPLOYMENT_REQUIRED = Set.of("BOOTSTRAP_SERVERS", "SCHEMA_REGISTRY_URL");

  static Map<String, Object> compose;
  static List<Map<String, Object>> kubernetes;
  static Map<String, TopicDeclaration> composeTopics;
  static Map<String, TopicDeclaration> kubernetesTopics;
  static List<DeployedService> composeServices;
  static List<DeployedService> kubernetesServices;

  @BeforeAll
  static void readDeployFiles() throws IOException {
    compose = DeployFiles.compose();
    kubernetes = DeployFiles.kubernetes();
    composeTopics = TopicDeclaration.fromCompose(compose);
    kubernetesTopics = TopicDeclaration.fromKubernetes(kubernetes);
    composeServices = DeployedService.fromCompose(compose);
    kubernetesServices = DeployedService.fromKubernetes(kubernetes);
  }

  @Test
  void shouldRunEveryServiceInComposeAndKubernetes() {
    assertThat(composeServices).extracting(DeployedService::kind).contains(ServiceKind.values());
    assertThat(kubernetesServices).extracting(DeployedService::kind).contains(ServiceKind.values());
    assertThat(composeServices.stream().filter(s -> s.kind() == ServiceKind.INGEST)).hasSize(2);
    assertThat(composeServices.stream().filter(s -> s.kind() == ServiceKind.CUSTODY_STREAM))
        .hasSize(2);
    assertThat(composeServices.stream().filter(s -> s.kind() == ServiceKind.ANOMALY)).hasSize(2);
  }

  @Test
  void shouldDeclareEveryTopicEachServiceNeeds() {
    for (DeployedService service : composeServices) {
      assertThat(composeTopics.keySet())
          .as("topics %s needs", service.where())
          .containsAll(service.kind().topicsNeeded(service.env()));
    }
    for (DeployedService service : kubernetesServices) {
      assertThat(kubernetesTopics.keySet())
          .as("topics %s needs", service.where())
          .containsAll(service.kind().topicsNeeded(service.env()));
    }
  }

  @Test
  void shouldDeclareTopicsAlikeInComposeAndKubernetes() {
    assertThat(kubernetesTopics.keySet())
        .containsExactlyInAnyOrderElementsOf(composeTopics.keySet());
    for (TopicDeclaration topic : composeTopics.values()) {
      assertThat(kubernetesTopics.get(topic.name())).as(topic.name()).isEqualTo(topic);
    }
  }

  @Test
  void shouldReplicateEveryTopicThriceAndAcknowledgeOnTwo() {
    assertThat(composeTopics.values())
        .allSatisfy(
            t -> {
              assertThat(t.replicas()).as(t.name()).isEqualTo(3);
              assertThat(t.config()).as(t.name()).containsEntry("min.insync.replicas", "2");
            });
    for (String broker : List.of("kafka-1", "kafka-2", "kafka-3")) {
      assertThat(map(at(compose, "services", broker, "environment")))
          .as(broker)
          .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
          .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
          .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
    }
  }

  @Test
  void shouldPartitionIngestTopicsAsIngestCreatesThem() {
    for (DeployedService ingest : ingestServices()) {
      IngestConfig config = IngestConfig.fromEnvironment(ingest.env());
      Map<String, TopicDeclaration> declared =
          ingest.where().startsWith("k8s") ? kubernetesTopics : composeTopics;
      // What ingest's TopicSetup would create: its catalogue's settings.
      for (NewTopic created : IngestTopics.from(config, config.serdeConfig()).settings()) {
        TopicDeclaration declaration = declared.get(created.name());
        assertThat(declaration.partitions())
            .as("%s: %s against SEALTRAIL_TOPICS_PARTITIONS", ingest.where(), created.name())
            .isEqualTo(created.numPartitions());
        created.configs().entrySet().stream()
            .filter(entry -> !defaultOrIrrelevant(entry, created.configs()))
            .forEach(
                entry ->
                    assertThat(declaration.config())
                        .as("%s: %s", ingest.where(), created.name())
                        .containsEntry(entry.getKey(), entry.getValue()));
      }
      assertThat(declared.get(config.topics().inbound()).config())
          .containsEntry("message.timestamp.type", "LogAppendTime");
    }
  }

  /** The broker's default cleanup policy, or the retention of a topic compacted only. */
  private static boolean defaultOrIrrelevant(
      Map.Entry<String, String> entry, Map<String, String> configs) {
    boolean compactedOnly = "compact".equals(configs.get("cleanup.policy"));
    return entry.equals(Map.entry("cleanup.policy", "delete"))
        || (compactedOnly && entry.getKey().equals("retention.ms"));
  }

  @Test
  void shouldDeclareStreamServiceTopicsAsTheirCataloguesSpecifyThem() {
    CustodyConfig custody = CustodyConfig.from(Map.of());
    AnomalyConfig anomaly = AnomalyConfig.from(Map.of());
    Map<String, TopicSettings> specified =
        new java.util.LinkedHashMap<>(
            CustodyTopics.from(custody, custody.serdeConfig()).settings());
    specified.putAll(AnomalyTopics.from(anomaly, anomaly.serdeConfig()).settings());
    LogConfig log =
        LogConfig.from(
            Map.of(
                "bootstrap.servers",
                "unused:9092",
                "schema.registry.url",
                "http://unused",
                LogConfig.KEY_FILE,
                "unused"));
    specified.putAll(Topic.settingsByName(LogTopics.from(log, log.serdeConfig()).settings()));
    assertThat(specified)
        .containsKeys(
            "custody.state",
            "custody.alerts",
            "custody.anomaly.dlq",
            "custody.log",
            "custody.audit.actions",
            "custody.audit");
    specified.forEach(
        (name, spec) -> {
          TopicDeclaration declared = composeTopics.get(name);
          assertThat(declared).as(name).isNotNull();
          assertThat(declared.compacted()).as(name).isEqualTo(spec.compacted());
          if (!spec.compacted()) {
            // A compacted topic keeps each key's latest record whatever its retention.
            assertThat(declared.config().get("retention.ms"))
                .as(name)
                .isEqualTo(spec.configs().get("retention.ms"));
          }
          spec.partitions().ifPresent(p -> assertThat(declared.partitions()).as(name).isEqualTo(p));
        });
  }

  @Test
  void shouldCompactTheTopicsKeptByKey() {
    for (String name :
        List.of(
            "custody.partners",
            "custody.state",
            "custody.alerts",
            "custody.firmware-releases",
            "custody.ingest.dedup")) {
      assertThat(composeTopics.get(name).compacted()).as(name).isTrue();
    }
    assertThat(composeTopics.get("custody.events").config()).containsEntry("retention.ms", "-1");
  }

  @Test
  void shouldSetOnlyVariablesTheServicesReadAndEveryRequiredOne() {
    for (DeployedService service : allServices()) {
      assertThat(service.env().keySet())
          .as("variables of %s", service.where())
          .allMatch(v -> service.kind().variables.reads(v) || RUNTIME_VARIABLES.contains(v));
      List<String> required = new ArrayList<>(DEPLOYMENT_REQUIRED);
      service.kind().variables.settings().stream()
          .filter(EnvSetting::required)
          .map(EnvSetting::variable)
          .forEach(required::add);
      assertThat(service.env().keySet())
          .as("variables of %s", service.where())
          .containsAll(required);
    }
  }

  /**
   * custody-stream forwards queries, anomaly-service spike chart reads, to the instance holding a
   * key: each advertises a name of its own, and in Kubernetes that name is the pod's in a headless
   * Service that also lists pods not ready yet (a restoring pod may still hold keys).
   */
  @Test
  void shouldAdvertiseEachForwardingInstanceUnderItsOwnName() {
    for (ServiceKind kind : List.of(ServiceKind.CUSTODY_STREAM, ServiceKind.ANOMALY)) {
      List<String> advertised =
          composeServices.stream()
              .filter(s -> s.kind() == kind)
              .map(s -> s.env().get("SEALTRAIL_HTTP_ADVERTISED_HOST"))
              .toList();
      assertThat(advertised).as("%s", kind).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
      composeServices.stream()
          .filter(s -> s.kind() == kind)
          .forEach(
              s ->
                  assertThat(s.definition().get("hostname"))
                      .as(s.where())
                      .isEqualTo(s.env().get("SEALTRAIL_HTTP_ADVERTISED_HOST")));
    }
    for (String name : List.of("custody-stream", "anomaly-service")) {
      Map<String, Object> workload = workload(name);
      String pods = String.valueOf(at(workload, "spec", "serviceName"));
      Map<String, Object> headless =
          documentsOfKind("Service").stream()
              .filter(d -> pods.equals(at(d, "metadata", "name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError(name + ": no Service " + pods));
      assertThat(at(headless, "spec", "clusterIP")).as(pods).isEqualTo("None");
      assertThat(at(headless, "spec", "publishNotReadyAddresses")).as(pods).isEqualTo(true);
      assertThat(at(headless, "spec", "selector", "app")).as(pods).isEqualTo(name);
      assertThat(kubernetesServices.stream().filter(s -> s.where().equals("k8s " + name)))
          .singleElement()
          .satisfies(
              s ->
                  assertThat(s.env().get("SEALTRAIL_HTTP_ADVERTISED_HOST"))
                      .isEqualTo("$(POD_NAME)." + pods + ".sealtrail.svc"));
    }
  }

  /**
   * Issue 21: anomaly-service runs twice, as one Kafka Streams application (so the two split the
   * tasks instead of each raising every alert), each with a standby of the other's stores, on state
   * of its own, and its Kafka user's ACLs cover what that application id names.
   */
  @Test
  void shouldRunTwoAnomalyInstancesOfOneApplicationWithStandbysAndItsAcls() {
    List<DeployedService> composed =
        composeServices.stream().filter(s -> s.kind() == ServiceKind.ANOMALY).toList();
    assertThat(composed).hasSize(2);
    assertThat(
            composed.stream()
                .map(s -> AnomalyConfig.fromEnvironment(s.env()).streams().applicationId())
                .distinct())
        .singleElement()
        .isEqualTo("sealtrail-anomaly");
    assertThat(composed.stream().map(s -> String.valueOf(s.definition().get("volumes"))))
        .as("state volumes")
        .doesNotHaveDuplicates();
    assertThat(composed.stream().map(s -> String.valueOf(s.definition().get("ports"))))
        .as("host ports")
        .doesNotHaveDuplicates();
    assertThat(at(workload("anomaly-service"), "spec", "replicas")).isEqualTo(2);
    List<DeployedService> anomalies =
        allServices().stream().filter(s -> s.kind() == ServiceKind.ANOMALY).toList();
    assertThat(anomalies)
        .allSatisfy(
            s -> assertThat(s.env()).as(s.where()).containsEntry("NUM_STANDBY_REPLICAS", "1"));
    Map<String, Object> user =
        documentsOfKind("KafkaUser").stream()
            .filter(u -> "sealtrail-anomaly-service".equals(at(u, "metadata", "name")))
            .findFirst()
            .orElseThrow();
    for (DeployedService anomaly : anomalies) {
      String application = AnomalyConfig.fromEnvironment(anomaly.env()).streams().applicationId();
      assertThat(application).as(anomaly.where()).isEqualTo("sealtrail-anomaly");
      assertThat(allows(user, "group", application, "Read")).as(application).isTrue();
      assertThat(allows(user, "group", application + "-webhook", "Read")).isTrue();
      assertThat(allows(user, "topic", application + "-anomaly-series-store-changelog", "Create"))
          .isTrue();
      assertThat(allows(user, "transactionalId", application + "-0_1", "Write")).isTrue();
    }
  }

  @Test
  void shouldKeepAStandbyOfEveryCustodyStreamStore() {
    assertThat(allServices().stream().filter(s -> s.kind() == ServiceKind.CUSTODY_STREAM))
        .allSatisfy(s -> assertThat(s.env()).containsEntry("NUM_STANDBY_REPLICAS", "1"));
    assertThat(at(workload("custody-stream"), "spec", "replicas")).isEqualTo(2);
  }

  @Test
  void shouldProbeReadinessLimitResourcesAndBudgetDisruptionsOfEveryWorkload() {
    for (DeployedService service : kubernetesServices) {
      Map<String, Object> container = service.definition();
      assertThat(at(container, "readinessProbe", "httpGet", "path"))
          .as(service.where())
          .isEqualTo("/health/readiness");
      assertThat(map(at(container, "resources", "requests")))
          .as(service.where())
          .containsKeys("cpu", "memory");
      assertThat(map(at(container, "resources", "limits")))
          .as(service.where())
          .containsKey("memory");
    }
    List<Object> budgeted =
        kubernetes.stream()
            .filter(d -> "PodDisruptionBudget".equals(d.get("kind")))
            .map(d -> at(d, "spec", "selector", "matchLabels", "app"))
            .toList();
    assertThat(budgeted)
        .contains(
            "ingest-service",
            "custody-stream",
            "anomaly-service",
            "log-service",
            "schema-registry");
  }

  @Test
  void shouldServeMetricsOnAManagementPortThatNoServiceOrHostPortExposes() {
    for (DeployedService service : allServices()) {
      assertThat(service.env())
          .as(service.where())
          .containsKey("SEALTRAIL_MANAGEMENT_PORT")
          .doesNotContainEntry(
              "SEALTRAIL_HTTP_PORT", service.env().get("SEALTRAIL_MANAGEMENT_PORT"));
    }
    for (DeployedService service : composeServices) {
      String management = service.env().get("SEALTRAIL_MANAGEMENT_PORT");
      assertThat(list(service.definition().get("ports")))
          .as(service.where())
          .noneMatch(p -> String.valueOf(p).endsWith(":" + management));
    }
    for (Map<String, Object> service : documentsOfKind("Service")) {
      for (Object port : list(at(service, "spec", "ports"))) {
        assertThat(map(port).get("targetPort")).as("%s", service).isNotEqualTo("metrics");
        assertThat(String.valueOf(map(port).get("port"))).as("%s", service).isNotEqualTo("9464");
      }
    }
  }

  @Test
  void shouldLetOnlyIngestWriteCustodyEvents() {
    List<String> writers = new ArrayList<>();
    for (Map<String, Object> user : documentsOfKind("KafkaUser")) {
      if (allows(user, "topic", "custody.events", "Write")) {
        writers.add(String.valueOf(at(user, "metadata", "name")));
      }
    }
    assertThat(writers).containsExactly("sealtrail-ingest");
  }

  @Test
  void shouldLetOnlyTheLogServiceWriteTheAuditChainAndEveryServiceRecordActions() {
    assertThat(usersGranted("Write", "custody.audit")).containsExactly("sealtrail-log-service");
    assertThat(usersGranted("Write", "custody.audit.actions"))
        .contains(
            "sealtrail-ingest",
            "sealtrail-custody-stream",
            "sealtrail-anomaly-service",
            "sealtrail-log-service");
    assertThat(usersGranted("Read", "custody.audit")).contains("auditor-example");
    assertThat(usersGranted("Write", "custody.audit.actions")).doesNotContain("auditor-example");
    for (String chain : List.of("custody.audit", "custody.audit.actions")) {
      assertThat(composeTopics.get(chain).compacted()).as(chain).isFalse();
      assertThat(composeTopics.get(chain).partitions()).as(chain).isEqualTo(1);
      assertThat(composeTopics.get(chain).config()).as(chain).containsEntry("retention.ms", "-1");
    }
  }

  /** The Kafka users whose ACLs grant {@code operation} on {@code topic}. */
  private static List<String> usersGranted(String operation, String topic) {
    return documentsOfKind("KafkaUser").stream()
        .filter(user -> allows(user, "topic", topic, operation))
        .map(user -> String.valueOf(at(user, "metadata", "name")))
        .toList();
  }

  /**
   * ADR 11: a Kafka-native partner (a user named {@code partner-*}, as its partner id) writes
   * custody.inbound and reads its own outcome topic in groups of its own, and nothing else: not
   * another partner's outcomes, not even one whose id starts with its own, nor the shared topics.
   * Ingest creates and writes every partner's outcome topic.
   */
  @Test
  void shouldLetAPartnerWriteInboundAndReadOnlyItsOwnOutcomes() {
    List<Map<String, Object>> partners =
        documentsOfKind("KafkaUser").stream()
            .filter(u -> String.valueOf(at(u, "metadata", "name")).startsWith("partner-"))
            .toList();
    assertThat(partners).isNotEmpty();
    for (Map<String, Object> partner : partners) {
      String id = String.valueOf(at(partner, "metadata", "name"));
      String own = "custody.outcomes." + id;

      assertThat(allows(partner, "topic", "custody.inbound", "Write")).as(id).isTrue();
      assertThat(allows(partner, "topic", own, "Read")).as(id).isTrue();
      assertThat(allows(partner, "group", id + ".outcomes", "Read")).as(id).isTrue();
      for (String other :
          List.of(
              "custody.outcomes.another-partner",
              own + "2",
              own + "-b",
              "custody.outcomes.",
              "custody.events",
              "custody.rejected",
              "custody.inbound",
              "custody.ingest.replies")) {
        assertThat(allows(partner, "topic", other, "Read")).as("%s reads %s", id, other).isFalse();
      }
      for (String group :
          List.of("another-partner.outcomes", id + "2.outcomes", "sealtrail-ingest-verifier")) {
        assertThat(allows(partner, "group", group, "Read")).as("%s joins %s", id, group).isFalse();
      }
      for (String topic : List.of(own, "custody.events", "custody.rejected", "custody.partners")) {
        assertThat(allows(partner, "topic", topic, "Write"))
            .as("%s writes %s", id, topic)
            .isFalse();
      }
    }
    Map<String, Object> ingest =
        documentsOfKind("KafkaUser").stream()
            .filter(u -> "sealtrail-ingest".equals(at(u, "metadata", "name")))
            .findFirst()
            .orElseThrow();
    for (String operation : List.of("Create", "Write", "Read")) {
      assertThat(allows(ingest, "topic", "custody.outcomes.any-partner", operation))
          .as(operation)
          .isTrue();
    }
  }

  /** Whether {@code user}'s ACLs allow {@code operation} on the resource, as Kafka matches them. */
  private static boolean allows(
      Map<String, Object> user, String type, String name, String operation) {
    for (Object acl : list(at(user, "spec", "authorization", "acls"))) {
      Map<String, Object> rule = map(acl);
      Map<String, Object> resource = map(rule.get("resource"));
      if (!type.equals(resource.get("type"))) {
        continue;
      }
      String pattern = String.valueOf(resource.get("name"));
      boolean matches =
          "prefix".equals(resource.get("patternType"))
              ? name.startsWith(pattern)
              : pattern.equals(name) || pattern.equals("*");
      List<Object> operations = list(rule.get("operations"));
      if (matches && (operations.contains(operation) || operations.contains("All"))) {
        return true;
      }
    }
    return false;
  }

  private static List<DeployedService> ingestServices() {
    return allServices().stream().filter(s -> s.kind() == ServiceKind.INGEST).toList();
  }

  private static List<DeployedService> allServices() {
    return Stream.concat(composeServices.stream(), kubernetesServices.stream()).toList();
  }

  private static List<Map<String, Object>> documentsOfKind(String kind) {
    return kubernetes.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }

  private static Map<String, Object> workload(String name) {
    return kubernetes.stream()
        .filter(
            d ->
                name.equals(at(d, "metadata", "name"))
                    && List.of("StatefulSet", "Deployment").contains(d.get("kind")))
        .findFirst()
        .orElseThrow();
  }
}
