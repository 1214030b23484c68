package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.sealtrail.registry.core.SchemaRegistryCore;
import io.sealtrail.registry.core.SchemaVersion;
import io.sealtrail.registry.core.VersionSpec;
import java.util.List;
import java.util.Optional;

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
        Route.of(
            "GET",
            "/subjects/{}/versions/{}/schema",
            r -> SchemaJson.raw(version(core, r).schema())),
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
    SchemaVersion registered =
        core.register(
            request.param(0),
            SchemaJson.schemaOf(body),
            positive(body, "id"),
            positive(body, "version"));
    return JsonNodeFactory.instance.objectNode().put("id", registered.id());
  }

  /** An explicit id or version of a RegisterSchemaRequest; absent, 0 and -1 mean "choose one". */
  private static Optional<Integer> positive(JsonNode body, String field) {
    return Optional.ofNullable(body.get(field))
        .filter(JsonNode::canConvertToInt)
        .map(JsonNode::asInt)
        .filter(n -> n > 0);
  }

  private static SchemaVersion version(SchemaRegistryCore core, RestRequest request) {
    return core.version(
        request.param(0), VersionSpec.parse(request.param(1)), request.flag("deleted"));
  }
}
