package io.sealtrail.epcis.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The site ({@code bizLocation}) and station ({@code readPoint}) of a custody event. */
final class Place {
  private static final Set<String> PLACE_FIELDS = Set.of("id");

  private Place() {}

  /** The site: {@code bizLocation}, else the site of a station {@code readPoint}. */
  static String site(EventFields f) {
    Optional<String> location =
        id(f, "bizLocation").map(id -> PrivateIds.site(id, f.at("bizLocation") + "/id"));
    return location
        .or(() -> readPoint(f).map(point -> point.get(0)))
        .orElseThrow(() -> EventFields.missing(f.at("bizLocation"), "the site where it happened"));
  }

  static Optional<String> station(EventFields f) {
    return readPoint(f).filter(point -> point.size() == 2).map(point -> point.get(1));
  }

  private static Optional<List<String>> readPoint(EventFields f) {
    return id(f, "readPoint").map(id -> PrivateIds.readPoint(id, f.at("readPoint") + "/id"));
  }

  private static Optional<String> id(EventFields f, String field) {
    Optional<JsonNode> place = f.get(field);
    if (place.isEmpty()) {
      return Optional.empty();
    }
    EventFields fields = f.object(place.get(), f.at(field), PLACE_FIELDS);
    return Optional.of(fields.requiredText("id", "a place has an id"));
  }
}
