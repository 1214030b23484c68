package io.sealtrail.custody;

import static io.sealtrail.platform.env.EnvSetting.optional;
import static io.sealtrail.platform.env.EnvSetting.required;

import io.sealtrail.custody.detect.DetectionRules;
import io.sealtrail.custody.detect.Settles;
import io.sealtrail.custody.detect.SitePair;
import io.sealtrail.custody.topology.PoisonPillHandler;
import io.sealtrail.platform.audit.AuditActionsTopic;
import io.sealtrail.platform.env.EnvConfig;
import io.sealtrail.platform.env.EnvSetting;
import io.sealtrail.platform.env.FlatValues;
import io.sealtrail.platform.http.HttpSettings;
import io.sealtrail.platform.kafka.StreamsBaseSettings;
import io.sealtrail.platform.topic.Topic;
import io.sealtrail.trust.policy.PolicyTopic;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Everything custody-stream runs with, read once from flat keys; the module README's configuration
 * table lists each key with its default. Unset keys take these defaults: application id {@code
 * sealtrail-custody}, {@code localhost:9092}, registry {@code http://localhost:8081}, state under
 * {@code /var/lib/sealtrail/custody-stream}, one standby, dead letters to {@code
 * custody.events.dlq}, the contract's topic names ({@link CustodyTopics}), the detection defaults
 * of {@link DetectionRules} and {@link Settles}, and the query API on port {@value
 * #DEFAULT_HTTP_PORT} ({@link HttpSettings} for the rest).
 *
 * @param streams the Kafka Streams settings: a malformed event goes to the dead-letter topic too,
 *     any other processing error stops the instance ({@link PoisonPillHandler})
 * @param topicNames the {@code sealtrail.topics.<id>} keys that rename topics ({@link #TOPIC_IDS});
 *     {@link CustodyTopics} applies them
 * @param settles how long the provenance and overdue-shipment detections hold a finding on the wall
 *     clock before event time may decide it
 */
public record CustodyConfig(
    StreamsBaseSettings streams,
    String schemaRegistryUrl,
    Map<String, String> topicNames,
    DetectionRules rules,
    HttpSettings http,
    Settles settles) {
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final int DEFAULT_HTTP_PORT = 8082;

  /** The ids of the topics a deployment may rename: {@code sealtrail.topics.<id>}. */
  public static final List<String> TOPIC_IDS =
      List.of(
          "events",
          "state",
          "violations",
          "releases",
          "holds",
          AuditActionsTopic.ID,
          "layouts",
          PolicyTopic.ID,
          "campaigns");

  static final String GRACE = "sealtrail.detect.grace";
  static final String DEFAULT_MIN_TRANSIT = "sealtrail.detect.min-transit.default";
  static final String MIN_TRANSIT = "sealtrail.detect.min-transit";
  static final String APPROVED_SUPPLIERS = "sealtrail.detect.approved-suppliers";
  static final String CERTIFICATE_REQUIRED = "sealtrail.detect.certificate-required";
  static final String PROVENANCE_SETTLE = "sealtrail.custody.provenance-settle";
  static final String SHIPMENT_SETTLE = "sealtrail.custody.shipment-settle";
  static final String RELEASE_SETTLE = "sealtrail.custody.release-settle";
  static final String REPORT_SETTLE = "sealtrail.custody.report-settle";

  private static final StreamsBaseSettings DEFAULT_STREAMS =
      new StreamsBaseSettings(
          "sealtrail-custody",
          "localhost:9092",
          "/var/lib/sealtrail/custody-stream",
          1,
          "custody.events.dlq",
          PoisonPillHandler.class,
          Map.of());

  /**
   * Every variable custody-stream reads (documented in deploy/README.md), besides the {@code
   * KAFKA_CLIENT_*} settings and {@code HOSTNAME}.
   */
  public static final EnvConfig ENVIRONMENT = new EnvConfig(variables());

  public CustodyConfig {
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(schemaRegistryUrl, "schemaRegistryUrl");
    topicNames = Map.copyOf(topicNames);
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(settles, "settles");
  }

  /** The configuration with the default {@link Settles}. */
  public CustodyConfig(
      StreamsBaseSettings streams,
      String schemaRegistryUrl,
      Map<String, String> topicNames,
      DetectionRules rules,
      HttpSettings http) {
    this(streams, schemaRegistryUrl, topicNames, rules, http, Settles.defaults());
  }

  private static List<EnvSetting> variables() {
    List<EnvSetting> all =
        new ArrayList<>(
            List.of(
                required(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG), required(SCHEMA_REGISTRY_URL)));
    all.addAll(StreamsBaseSettings.ENVIRONMENT);
    TOPIC_IDS.forEach(id -> all.add(optional(Topic.CONFIG_PREFIX + id)));
    all.addAll(
        List.of(
            optional(GRACE),
            optional(DEFAULT_MIN_TRANSIT),
            optional(MIN_TRANSIT),
            optional(APPROVED_SUPPLIERS),
            optional(CERTIFICATE_REQUIRED),
            optional(PROVENANCE_SETTLE),
            optional(SHIPMENT_SETTLE),
            optional(RELEASE_SETTLE),
            optional(REPORT_SETTLE)));
    all.addAll(HttpSettings.ENVIRONMENT);
    // Other instances forward queries to it.
    all.add(HttpSettings.ADVERTISED_HOST);
    return all;
  }

  /**
   * The configuration of a container: {@link #ENVIRONMENT}, the advertised host defaulting to
   * {@code HOSTNAME}, the name other instances reach a pod or container by.
   */
  public static CustodyConfig fromEnvironment(Map<String, String> env) {
    return from(HttpSettings.advertisingHostname(env, ENVIRONMENT.read(env)));
  }

  /**
   * The configuration in {@code flat}, each key falling back to its documented default; every key
   * neither Sealtrail's nor the registry's is a Kafka client setting.
   *
   * @throws IllegalArgumentException naming the key of a malformed value
   */
  public static CustodyConfig from(Map<String, String> flat) {
    return new CustodyConfig(
        StreamsBaseSettings.from(flat, DEFAULT_STREAMS),
        FlatValues.text(flat, SCHEMA_REGISTRY_URL, "http://localhost:8081"),
        flat.entrySet().stream()
            .filter(e -> e.getKey().startsWith(Topic.CONFIG_PREFIX))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
        new DetectionRules(
                duration(flat, GRACE, DetectionRules.DEFAULT_GRACE),
                duration(flat, DEFAULT_MIN_TRANSIT, DetectionRules.DEFAULT_MIN_TRANSIT),
                minTransits(flat.getOrDefault(MIN_TRANSIT, "")))
            .withSuppliers(
                approvedSuppliers(flat.getOrDefault(APPROVED_SUPPLIERS, "")),
                names(flat.getOrDefault(CERTIFICATE_REQUIRED, ""))),
        HttpSettings.from(flat, DEFAULT_HTTP_PORT),
        new Settles(
            settle(flat, PROVENANCE_SETTLE, Settles.DEFAULT_PROVENANCE),
            settle(flat, SHIPMENT_SETTLE, Settles.DEFAULT_SHIPMENT),
            settle(flat, RELEASE_SETTLE, Settles.DEFAULT_RELEASE),
            settle(flat, REPORT_SETTLE, Settles.DEFAULT_REPORT)));
  }

  /** The serde settings: the registry the Avro topics and stores share. */
  public Map<String, Object> serdeConfig() {
    return Map.of(SCHEMA_REGISTRY_URL, schemaRegistryUrl);
  }

  // ISO-8601, e.g. PT30M.
  private static Duration duration(Map<String, String> flat, String key, Duration fallback) {
    String value = FlatValues.text(flat, key, null);
    try {
      return value == null ? fallback : Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " must be an ISO-8601 duration, got " + value, e);
    }
  }

  private static Duration settle(Map<String, String> flat, String key, Duration fallback) {
    Duration settle = duration(flat, key, fallback);
    if (settle.isNegative()) {
      throw new IllegalArgumentException(key + " must not be negative, got " + settle);
    }
    return settle;
  }

  // SITE-A/SITE-B=PT6H,SITE-A/SITE-C=P2D: the least travel time between two sites, either way.
  private static Map<SitePair, Duration> minTransits(String spec) {
    Map<SitePair, Duration> pairs = new HashMap<>();
    for (String entry : spec.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] pairAndTime = entry.trim().split("=", 2);
      String[] sites = pairAndTime[0].split("/", 2);
      if (pairAndTime.length != 2 || sites.length != 2) {
        throw new IllegalArgumentException(
            MIN_TRANSIT + " entries look like SITE-A/SITE-B=PT6H, got: " + entry);
      }
      pairs.put(
          SitePair.of(sites[0].trim(), sites[1].trim()), Duration.parse(pairAndTime[1].trim()));
    }
    return pairs;
  }

  // MCU-1=acme|globex,SE-2=nxp: the suppliers approved per part number (until the policy has them).
  private static Map<String, Set<String>> approvedSuppliers(String spec) {
    Map<String, Set<String>> approved = new HashMap<>();
    for (String entry : names(spec)) {
      String[] partAndSuppliers = entry.split("=", 2);
      Set<String> suppliers =
          partAndSuppliers.length == 2
              ? Arrays.stream(partAndSuppliers[1].split("\\|"))
                  .map(String::trim)
                  .filter(x -> !x.isEmpty())
                  .collect(Collectors.toSet())
              : Set.of();
      if (partAndSuppliers[0].isBlank() || suppliers.isEmpty()) {
        throw new IllegalArgumentException(
            APPROVED_SUPPLIERS + " entries look like PART=SUPPLIER|SUPPLIER, got: " + entry);
      }
      approved.put(partAndSuppliers[0].trim(), suppliers);
    }
    return approved;
  }

  // a, b,c: the comma-separated names of spec, trimmed, blanks skipped.
  private static Set<String> names(String spec) {
    return Arrays.stream(spec.split(","))
        .map(String::trim)
        .filter(x -> !x.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
