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
        Route.of("GET", "/schemas/types", r -> List.of("AVRO")),
        Route.of("GET", "/schemas/ids/{}", r -> SchemaJson.schemaString(core.schemaById(id(r)))),
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

  private static int id(RestRequest request) {
    try {
      return Integer.parseInt(request.param(0));
    } catch (NumberFormatException e) {
      throw Errors.schemaNotFound(request.param(0));
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
