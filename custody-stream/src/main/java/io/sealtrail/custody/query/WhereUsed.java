package io.sealtrail.custody.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.custody.lineage.Lineage;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a component serial (a sub-assembly is a device too) was built in: each device, how deep
 * above the component and through which sub-assemblies, and what it took ({@code parts}). Nothing
 * recorded is an empty list.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record WhereUsed(String component, List<Use> usedIn) {
  public WhereUsed {
    usedIn = usedIn == null ? List.of() : List.copyOf(usedIn);
  }

  /** A device the component went into, at {@code depth} (1: directly), through {@code via}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Use(String serial, int depth, List<String> via, String parts) {}

  private static final JsonMapper JSON = JsonMapper.createDefault();

  /** The devices {@code serial} went into directly, as its owner {@code owner} answers them. */
  static List<Lineage.Link> parentsFrom(
      Forwarder forwarder, HostInfo owner, String serial, HttpRequest<?> asking) {
    String path = "/v1/components/" + Paths.segment(serial) + "/where-used?depth=1";
    Forwarder.Answer answer = forwarder.json(owner, path, asking);
    if (answer.status() != 200) {
      throw new StoreUnavailableException(
          "the owner " + owner + " of " + serial + " answered " + answer.status());
    }
    try {
      return JSON.readValue(answer.body(), WhereUsed.class).usedIn().stream()
          .map(use -> new Lineage.Link(use.serial(), use.parts()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable where-used from " + owner, e);
    }
  }
}
