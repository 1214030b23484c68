package io.sealtrail.system.config;

import static io.sealtrail.system.config.DeployFiles.at;
import static io.sealtrail.system.config.DeployFiles.list;
import static io.sealtrail.system.config.DeployFiles.map;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A topic as deploy/ declares it: partitions, replicas and topic configuration, read from the
 * compose file's {@code topics} service or from a Strimzi {@code KafkaTopic}.
 */
public record TopicDeclaration(
    String name, int partitions, int replicas, Map<String, String> config) {
  private static final Pattern CREATE = Pattern.compile("^\\s*create\\s+(\\S+)\\s+(\\d+)(.*)$");
  private static final Pattern CONFIG = Pattern.compile("--config\\s+([^=\\s]+)=(\\S+)");
  private static final Pattern REPLICAS = Pattern.compile("--replication-factor\\s+(\\d+)");

  public TopicDeclaration {
    config = Map.copyOf(config);
  }

  /**
   * The topics the compose file's {@code topics} service creates: one {@code create NAME PARTITIONS
   * [--config k=v]...} line each, with the settings its {@code create} function adds.
   */
  public static Map<String, TopicDeclaration> fromCompose(Map<String, Object> compose) {
    String script =
        String.join(
            "\n",
            list(at(compose, "services", "topics", "command")).stream()
                .map(String::valueOf)
                .toList());
    Map<String, String> common = new HashMap<>();
    int replicas = 0;
    Map<String, TopicDeclaration> topics = new LinkedHashMap<>();
    for (String line : script.split("\n")) {
      Matcher create = CREATE.matcher(line);
      if (!create.matches()) {
        common.putAll(configs(line));
        Matcher r = REPLICAS.matcher(line);
        replicas = r.find() ? Integer.parseInt(r.group(1)) : replicas;
        continue;
      }
      topics.put(
          create.group(1),
          new TopicDeclaration(
              create.group(1), Integer.parseInt(create.group(2)), 0, configs(create.group(3))));
    }
    Map<String, TopicDeclaration> complete = new LinkedHashMap<>();
    for (TopicDeclaration t : topics.values()) {
      Map<String, String> config = new HashMap<>(common);
      config.putAll(t.config());
      complete.put(t.name(), new TopicDeclaration(t.name(), t.partitions(), replicas, config));
    }
    return complete;
  }

  /** The {@code KafkaTopic} resources among the Kubernetes documents. */
  public static Map<String, TopicDeclaration> fromKubernetes(List<Map<String, Object>> documents) {
    Map<String, TopicDeclaration> topics = new LinkedHashMap<>();
    for (Map<String, Object> doc : documents) {
      if (!"KafkaTopic".equals(doc.get("kind"))) {
        continue;
      }
      Object topicName = at(doc, "spec", "topicName");
      String name = String.valueOf(topicName != null ? topicName : at(doc, "metadata", "name"));
      Map<String, String> config = new HashMap<>();
      map(at(doc, "spec", "config")).forEach((k, v) -> config.put(k, String.valueOf(v)));
      topics.put(
          name,
          new TopicDeclaration(
              name,
              ((Number) at(doc, "spec", "partitions")).intValue(),
              ((Number) at(doc, "spec", "replicas")).intValue(),
              config));
    }
    return topics;
  }

  /** Whether old records are kept by key rather than dropped by age alone. */
  public boolean compacted() {
    return config.getOrDefault("cleanup.policy", "delete").contains("compact");
  }

  private static Map<String, String> configs(String text) {
    Map<String, String> configs = new HashMap<>();
    Matcher m = CONFIG.matcher(text);
    while (m.find()) {
      configs.put(m.group(1), m.group(2));
    }
    return configs;
  }

  static List<String> names(Map<String, TopicDeclaration> topics) {
    return List.copyOf(topics.keySet());
  }
}
