package io.sealtrail.registry.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One REST endpoint: a method, a path pattern whose {@code {}} segments are parameters, and the
 * function answering it with a value written as JSON.
 */
record Route(String method, List<String> pattern, Function<RestRequest, Object> handler) {
  static Route of(String method, String path, Function<RestRequest, Object> handler) {
    List<String> pattern = path.equals("/") ? List.of() : List.of(path.substring(1).split("/"));
    return new Route(method, pattern, handler);
  }

  /** The path parameters when the segments match the pattern, whatever the method. */
  Optional<List<String>> match(List<String> segments) {
    if (segments.size() != pattern.size()) {
      return Optional.empty();
    }
    List<String> params = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      if (pattern.get(i).equals("{}")) {
        params.add(segments.get(i));
      } else if (!pattern.get(i).equals(segments.get(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
