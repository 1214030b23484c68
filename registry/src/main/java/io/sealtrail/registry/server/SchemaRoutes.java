package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.registry.core.Errors;
import io.sealtrail.registry.core.SchemaRegistryCore;
import java.util.List;
import java.util.UUID;

/** The {@code /schemas} endpoints: schemas by id or GUID, their subjects, supported types. */
final class SchemaRoutes {
  private SchemaRoutes() {}

  static List<Route> of(SchemaRegistryCore core) {
    return List.of(
        Route.of("GET", "/schemas", r -> schemas(core, r)),
        Route.of("GET", "/schemas/types", r -> List.of("AVRO")),
        Route.of("GET", "/schemas/ids/{}", r -> byId(core, r)),
        Route.of("GET", "/schemas/ids/{}/schema", r -> SchemaJson.raw(core.schemaById(id(r)))),
        Route.of(
            "GET",
            "/schemas/ids/{}/versions",
            r ->
                core.usagesOf(id(r), r.flag("deleted")).stream()
                    .map(v -> subjectVersion(v.subject(), v.version()))
                    .toList()),
        Route.of(
            "GET",
            "/schemas/ids/{}/subjects",
            r ->
                core.usagesOf(id(r), r.flag("deleted")).stream()
                    .map(v -> v.subject())
                    .distinct()
                    .sorted()
                    .toList()),
        Route.of(
            "GET", "/schemas/guids/{}", r -> SchemaJson.schemaString(core.schemaByGuid(guid(r)))));
  }

  /**
   * {@code GET /schemas}: the Schema entity of every version, by subject then version, filtered by
   * {@code subjectPrefix}, {@code deleted}, {@code latestOnly}, paged by {@code offset} and {@code
   * limit} (negative: all).
   */
  private static List<ObjectNode> schemas(SchemaRegistryCore core, RestRequest request) {
    int offset = Math.max(0, request.number("offset", 0));
    int limit = request.number("limit", -1);
    return core
        .schemas(
            request.query().getOrDefault("subjectPrefix", ""),
            request.flag("deleted"),
            request.flag("latestOnly"))
        .stream()
        .skip(offset)
        .limit(limit < 0 ? Long.MAX_VALUE : limit)
        .map(SchemaJson::version)
        .toList();
  }

  /** The SchemaString of an id, with {@code maxId} when {@code fetchMaxId=true} (CP 7.x+). */
  private static ObjectNode byId(SchemaRegistryCore core, RestRequest request) {
    ObjectNode answer = SchemaJson.schemaString(core.schemaById(id(request)));
    if (request.flag("fetchMaxId")) {
      answer.put("maxId", core.maxId());
    }
    return answer;
  }

  /** The id path parameter; JAX-RS answers a plain 404 when it is no integer, as here. */
  private static int id(RestRequest request) {
    try {
      return Integer.parseInt(request.param(0));
    } catch (NumberFormatException e) {
      throw Errors.notFound();
    }
  }

  private static UUID guid(RestRequest request) {
    try {
      return UUID.fromString(request.param(0));
    } catch (IllegalArgumentException e) {
      throw Errors.schemaNotFound(request.param(0));
    }
  }

  private static ObjectNode subjectVersion(String subject, int version) {
    return JsonNodeFactory.instance.objectNode().put("subject", subject).put("version", version);
  }
}
