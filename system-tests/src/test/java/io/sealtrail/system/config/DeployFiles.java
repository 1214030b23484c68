package io.sealtrail.system.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The files of deploy/, read as YAML documents: the compose file and every Kubernetes manifest. */
public final class DeployFiles {
  /** deploy/ beside this module, where Maven runs the tests. */
  public static final Path DEPLOY =
      Path.of(System.getProperty("user.dir")).resolveSibling("deploy");

  private DeployFiles() {}

  /** deploy/docker-compose.yml, anchors and merge keys resolved. */
  public static Map<String, Object> compose() throws IOException {
    try (Reader in = Files.newBufferedReader(DEPLOY.resolve("docker-compose.yml"))) {
      return new Yaml().load(in);
    }
  }

  /** Every document of every deploy/k8s/*.yaml. */
  static List<Map<String, Object>> kubernetes() throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        try (Reader in = Files.newBufferedReader(file)) {
          for (Object document : new Yaml().loadAll(in)) {
            if (document != null) {
              documents.add(map(document));
            }
          }
        }
      }
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node == null ? Map.of() : (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node == null ? List.of() : (List<Object>) node;
  }

  /** The node at {@code path} below {@code root}, or null. */
  public static Object at(Map<String, Object> root, String... path) {
    Object node = root;
    for (String key : path) {
      if (!(node instanceof Map<?, ?> m)) {
        return null;
      }
      node = m.get(key);
    }
    return node;
  }
}
