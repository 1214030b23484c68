package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.core.VersionSpec;
import java.util.List;
import java.util.Optional;

/**
 * The {@code /config} and {@code /compatibility} endpoints. Note Confluent's asymmetry: GET answers
 * {@code compatibilityLevel}, PUT takes and echoes {@code compatibility}.
 */
final class ConfigRoutes {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ConfigRoutes() {}

  static List<Route> of(SchemaRegistryCore core) {
    return List.of(
        Route.of("GET", "/config", r -> level(core.configs().get(Optional.empty(), true))),
        Route.of("PUT", "/config", r -> update(core, Optional.empty(), r)),
        Route.of("DELETE", "/config", r -> level(core.configs().delete(Optional.empty()))),
        Route.of(
            "GET",
            "/config/{}",
            r -> level(core.configs().get(Optional.of(r.param(0)), r.flag("defaultToGlobal")))),
        Route.of("PUT", "/config/{}", r -> update(core, Optional.of(r.param(0)), r)),
        Route.of(
            "DELETE", "/config/{}", r -> level(core.configs().delete(Optional.of(r.param(0))))),
        Route.of(
            "POST",
            "/compatibility/subjects/{}/versions/{}",
            r ->
                compatibility(
                    core.checkCompatibility(
                        r.param(0), VersionSpec.parse(r.param(1)), SchemaJson.schemaOf(r.json())),
                    r)),
        Route.of(
            "POST",
            "/compatibility/subjects/{}/versions",
            r ->
                compatibility(
                    core.checkCompatibility(r.param(0), SchemaJson.schemaOf(r.json())), r)));
  }

  private static ObjectNode level(CompatibilityLevel level) {
    return JSON.objectNode().put("compatibilityLevel", level.name());
  }

  private static ObjectNode update(
      SchemaRegistryCore core, Optional<String> subject, RestRequest request) {
    JsonNode body = request.json();
    CompatibilityLevel level = CompatibilityLevel.parse(body.path("compatibility").asText(null));
    core.configs().update(subject, level);
    return JSON.objectNode().put("compatibility", level.name());
  }

  private static ObjectNode compatibility(List<String> problems, RestRequest request) {
    ObjectNode answer = JSON.objectNode().put("is_compatible", problems.isEmpty());
    if (request.flag("verbose")) {
      problems.forEach(answer.putArray("messages")::add);
    }
    return answer;
  }
}
