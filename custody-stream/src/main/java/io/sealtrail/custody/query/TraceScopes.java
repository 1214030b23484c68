package io.sealtrail.custody.query;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.sealtrail.avro.campaign.CampaignScope;
import io.sealtrail.custody.campaign.CampaignScopes;
import io.sealtrail.custody.lineage.LineageStores;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreReader;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's devices as the traces find them: a lot's from the instance owning the lot (here, or
 * asked over HTTP on behalf of the request creating the campaign, like a trace's device states).
 */
public final class TraceScopes implements CampaignScopes {
  private static final JsonMapper JSON = JsonMapper.createDefault();
  private final StoreReader reader;
  private final CustodyQueries queries;

  public TraceScopes(StoreReader reader, CustodyQueries queries) {
    this.reader = reader;
    this.queries = queries;
  }

  @Override
  public List<String> serials(CampaignScope scope, String id, HttpRequest<?> asking) {
    if (scope != CampaignScope.LOT) {
      throw new ProblemException(
          Problem.of(
                  "unsupported-scope",
                  "Scope not traceable",
                  HttpStatus.UNPROCESSABLE_ENTITY,
                  "campaigns are traced from a lot on this version; "
                      + scope
                      + " needs the supplier and image traces")
              .field(scope == CampaignScope.SUPPLIER ? "/supplier" : "/imageSha256"));
    }
    var owner = reader.remoteOwner(LineageStores.LOT_SUPPLIERS, id);
    if (owner.isEmpty()) {
      return StoreReader.readLocally(
          LineageStores.LOT_SUPPLIERS, () -> queries.serialsBuiltWith(id));
    }
    String path =
        "/v1/lots/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20") + "/trace";
    Forwarder.Answer answer = reader.forwarder().json(owner.get(), path, asking);
    if (answer.status() == 404) {
      throw new KeyNotFoundException("lot", id);
    }
    if (answer.status() != 200) {
      throw new StoreUnavailableException(
          "the owner " + owner.get() + " of lot " + id + " answered " + answer.status());
    }
    try {
      List<String> serials = new ArrayList<>();
      JsonNode devices = JSON.readValue(answer.body(), JsonNode.class).get("devices");
      if (devices != null) {
        devices.values().forEach(d -> serials.add(d.get("serial").getStringValue()));
      }
      return serials;
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable trace from another instance", e);
    }
  }
}
