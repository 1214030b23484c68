package io.sealtrail.registry.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.registry.core.Mode;
import io.sealtrail.registry.core.SchemaRegistryCore;
import java.util.List;
import java.util.Optional;

/**
 * The {@code /mode} endpoints: READWRITE, READONLY(_OVERRIDE) and IMPORT, global or per subject.
 */
final class ModeRoutes {
  private ModeRoutes() {}

  static List<Route> of(SchemaRegistryCore core) {
    return List.of(
        Route.of("GET", "/mode", r -> mode(core.modes().get(Optional.empty(), true))),
        Route.of("PUT", "/mode", r -> update(core, Optional.empty(), r)),
        Route.of(
            "GET",
            "/mode/{}",
            r -> mode(core.modes().get(Optional.of(r.param(0)), r.flag("defaultToGlobal")))),
        Route.of("PUT", "/mode/{}", r -> update(core, Optional.of(r.param(0)), r)),
        Route.of("DELETE", "/mode/{}", r -> mode(core.modes().delete(r.param(0)))));
  }

  private static ObjectNode update(
      SchemaRegistryCore core, Optional<String> subject, RestRequest request) {
    Mode mode = Mode.parse(request.json().path("mode").asText(null));
    core.modes().update(subject, mode, request.flag("force"));
    return mode(mode);
  }

  private static ObjectNode mode(Mode mode) {
    return JsonNodeFactory.instance.objectNode().put("mode", mode.name());
  }
}
