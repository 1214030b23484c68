package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
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
        Route.of("GET", "/subjects/{}/versions", r -> versions(core, r)),
        Route.of("GET", "/subjects/{}/versions/{}", r -> SchemaJson.version(version(core, r))),
        Route.of(
            "GET",
            "/subjects/{}/versions/{}/schema",
            r -> SchemaJson.raw(version(core, r).schema())),
        Route.of("GET", "/subjects/{}/versions/{}/referencedby", r -> referencedBy(core, r)),
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
                    core.lookup(r.param(0), SchemaJson.schemaOf(r), r.flag("deleted")))),
        Route.of(
            "DELETE", "/subjects/{}", r -> core.deleteSubject(r.param(0), r.flag("permanent"))));
  }

  private static List<String> subjects(SchemaRegistryCore core, RestRequest request) {
    String prefix = request.query().getOrDefault("subjectPrefix", "");
    return core.subjects(request.flag("deleted"), request.flag("deletedOnly")).stream()
        .filter(s -> s.startsWith(prefix))
        .toList();
  }

  /** Live versions; {@code deleted=true} adds soft-deleted ones, {@code deletedOnly=true} only. */
  private static List<Integer> versions(SchemaRegistryCore core, RestRequest request) {
    boolean deletedOnly = request.flag("deletedOnly");
    return core.versions(request.param(0), deletedOnly || request.flag("deleted")).stream()
        .filter(v -> !deletedOnly || v.deleted())
        .map(SchemaVersion::version)
        .toList();
  }

  private static Object register(SchemaRegistryCore core, RestRequest request) {
    JsonNode body = request.json();
    SchemaVersion registered =
        core.register(
            request.param(0),
            SchemaJson.schemaOf(request),
            positive(body, "id"),
            positive(body, "version"));
    return SchemaJson.registered(registered);
  }

  /** An explicit id or version of a RegisterSchemaRequest; absent, 0 and -1 mean "choose one". */
  private static Optional<Integer> positive(JsonNode body, String field) {
    return Optional.ofNullable(body.get(field))
        .filter(JsonNode::canConvertToInt)
        .map(JsonNode::asInt)
        .filter(n -> n > 0);
  }

  /**
   * The ids of schemas referencing a version: none, as this registry has no references, once the
   * version exists (looked up with soft-deleted ones, as Confluent does): 40401, 40402, 42202.
   */
  private static List<Integer> referencedBy(SchemaRegistryCore core, RestRequest request) {
    core.version(request.param(0), VersionSpec.parse(request.param(1)), true);
    return List.of();
  }

  private static SchemaVersion version(SchemaRegistryCore core, RestRequest request) {
    return core.version(
        request.param(0), VersionSpec.parse(request.param(1)), request.flag("deleted"));
  }
}
