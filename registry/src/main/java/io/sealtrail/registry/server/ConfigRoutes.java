package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.core.SchemaRegistryException;
import io.sealtrail.registry.core.VersionSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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
                    r,
                    schema ->
                        core.checkCompatibility(
                            r.param(0), VersionSpec.parse(r.param(1)), schema))),
        Route.of(
            "POST",
            "/compatibility/subjects/{}/versions",
            r -> compatibility(r, schema -> core.checkCompatibility(r.param(0), schema))));
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

  /**
   * The CompatibilityCheckResponse; with {@code verbose=true} an invalid candidate is answered as
   * incompatible with the parser's message (spec S10), else it stays 42201.
   */
  private static ObjectNode compatibility(
      RestRequest request, Function<String, List<String>> check) {
    List<String> problems;
    try {
      problems = check.apply(SchemaJson.schemaOf(request));
    } catch (SchemaRegistryException e) {
      if (e.errorCode() != 42201 || !request.flag("verbose")) {
        throw e;
      }
      problems = List.of(e.getMessage());
    }
    ObjectNode answer = JSON.objectNode().put("is_compatible", problems.isEmpty());
    if (request.flag("verbose")) {
      problems.forEach(answer.putArray("messages")::add);
    }
    return answer;
  }
}
