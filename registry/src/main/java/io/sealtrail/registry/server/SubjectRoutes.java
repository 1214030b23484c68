package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sealtrail.registry.core.Errors;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.core.SchemaVersion;
import io.sealtrail.registry.core.VersionSpec;
import java.util.List;

/** The {@code /subjects} endpoints: register, lookup, list, read and delete versions. */
final class SubjectRoutes {
  private SubjectRoutes() {}

  static List<Route> of(SchemaRegistryCore core) {
    return List.of(
        Route.of("GET", "/subjects", r -> subjects(core, r)),
        Route.of("POST", "/subjects/{}/versions", r -> register(core, r)),
        Route.of(
            "GET",
            "/subjects/{}/versions",
            r ->
                core.versions(r.param(0), r.flag("deleted")).stream()
                    .map(SchemaVersion::version)
                    .toList()),
        Route.of("GET", "/subjects/{}/versions/{}", r -> SchemaJson.version(version(core, r))),
        Route.of("GET", "/subjects/{}/versions/{}/schema", r -> raw(version(core, r).schema())),
        Route.of(
            "DELETE",
            "/subjects/{}/versions/{}",
            r ->
                core.deleteVersion(r.param(0), VersionSpec.parse(r.param(1)), r.flag("permanent"))),
        Route.of(
            "POST",
            "/subjects/{}",
            r ->
                SchemaJson.version(
                    core.lookup(r.param(0), SchemaJson.schemaOf(r.json()), r.flag("deleted")))),
        Route.of(
            "DELETE", "/subjects/{}", r -> core.deleteSubject(r.param(0), r.flag("permanent"))));
  }

  private static List<String> subjects(SchemaRegistryCore core, RestRequest request) {
    String prefix = request.query().getOrDefault("subjectPrefix", "");
    return core.subjects(request.flag("deleted"), request.flag("deletedOnly")).stream()
        .filter(s -> s.startsWith(prefix))
        .toList();
  }

  private static Object register(SchemaRegistryCore core, RestRequest request) {
    JsonNode body = request.json();
    if (body.hasNonNull("id") && body.get("id").asInt() >= 0) {
      throw Errors.operationNotPermitted(
          "Overwrite new schema with id "
              + body.get("id").asInt()
              + " is not permitted: IMPORT mode is not supported by this registry");
    }
    SchemaVersion registered = core.register(request.param(0), SchemaJson.schemaOf(body));
    return JsonNodeFactory.instance.objectNode().put("id", registered.id());
  }

  private static SchemaVersion version(SchemaRegistryCore core, RestRequest request) {
    return core.version(
        request.param(0), VersionSpec.parse(request.param(1)), request.flag("deleted"));
  }

  static JsonNode raw(String schema) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("A stored schema is always valid JSON", e);
    }
  }
}
