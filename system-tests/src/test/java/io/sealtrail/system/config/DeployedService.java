package io.sealtrail.system.config;

import static io.sealtrail.system.config.DeployFiles.at;
import static io.sealtrail.system.config.DeployFiles.list;
import static io.sealtrail.system.config.DeployFiles.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One Sealtrail service as a deploy file runs it: where (compose service or Kubernetes workload),
 * which kind, the environment it gets, and the container or service definition itself. A variable
 * whose value comes from a Secret or a field is present with a placeholder value.
 */
record DeployedService(
    String where, ServiceKind kind, Map<String, String> env, Map<String, Object> definition) {

  static List<DeployedService> fromCompose(Map<String, Object> compose) {
    List<DeployedService> services = new ArrayList<>();
    map(compose.get("services"))
        .forEach(
            (name, node) -> {
              Map<String, Object> service = map(node);
              if (service.containsKey("entrypoint")) {
                return; // a one-off job on a service's image (log-key), not the service
              }
              ServiceKind.ofImage(String.valueOf(service.get("image")))
                  .ifPresent(
                      kind -> {
                        Map<String, String> env = new HashMap<>();
                        map(service.get("environment"))
                            .forEach((k, v) -> env.put(k, String.valueOf(v)));
                        services.add(new DeployedService("compose " + name, kind, env, service));
                      });
            });
    return services;
  }

  static List<DeployedService> fromKubernetes(List<Map<String, Object>> documents) {
    Map<String, Map<String, Object>> configMaps = new HashMap<>();
    for (Map<String, Object> doc : documents) {
      if ("ConfigMap".equals(doc.get("kind"))) {
        configMaps.put(String.valueOf(at(doc, "metadata", "name")), map(doc.get("data")));
      }
    }
    List<DeployedService> services = new ArrayList<>();
    for (Map<String, Object> doc : documents) {
      if (!List.of("StatefulSet", "Deployment").contains(doc.get("kind"))) {
        continue;
      }
      for (Object c : list(at(doc, "spec", "template", "spec", "containers"))) {
        Map<String, Object> container = map(c);
        ServiceKind.ofImage(String.valueOf(container.get("image")))
            .ifPresent(
                kind ->
                    services.add(
                        new DeployedService(
                            "k8s " + at(doc, "metadata", "name"),
                            kind,
                            env(container, configMaps),
                            container)));
      }
    }
    return services;
  }

  private static Map<String, String> env(
      Map<String, Object> container, Map<String, Map<String, Object>> configMaps) {
    Map<String, String> env = new HashMap<>();
    for (Object from : list(container.get("envFrom"))) {
      String name = String.valueOf(at(map(from), "configMapRef", "name"));
      Map<String, Object> data = configMaps.get(name);
      if (data == null) {
        throw new AssertionError("envFrom names ConfigMap " + name + ", which is not declared");
      }
      data.forEach((k, v) -> env.put(k, String.valueOf(v)));
    }
    for (Object e : list(container.get("env"))) {
      Map<String, Object> entry = map(e);
      Object value = entry.get("value");
      env.put(
          String.valueOf(entry.get("name")), value != null ? String.valueOf(value) : "<valueFrom>");
    }
    return env;
  }
}
