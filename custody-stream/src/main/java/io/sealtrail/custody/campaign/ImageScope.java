package io.sealtrail.custody.campaign;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.sealtrail.custody.inventory.InventoryStores;
import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreReader;
import io.sealtrail.platform.query.StoreUnavailableException;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The devices running a firmware image, on every instance: the firmware inventory is partitioned by
 * product, so each instance holding a part of it answers for its products ({@link #local}) and the
 * instance creating a campaign gathers them all. An instance that cannot answer makes the whole
 * answer a 503: a campaign must not be created over part of the devices it is about.
 */
public final class ImageScope {
  /** The route answering an instance's part; {@code {imageSha256}} is the image. */
  static final String ROUTE = "/v1/campaigns/images/{imageSha256}/devices";

  private static final JsonMapper JSON = JsonMapper.createDefault();
  private final StoreReader reader;
  private final CampaignScopes scopes;

  public ImageScope(StoreReader reader, CampaignScopes scopes) {
    this.reader = reader;
    this.scopes = scopes;
  }

  /** The devices running {@code imageSha256} in this instance's part of the inventory. */
  Set<String> local(String imageSha256) {
    return StoreReader.readLocally(InventoryStores.COUNTS, () -> scopes.ofImage(imageSha256));
  }

  /**
   * The devices running {@code imageSha256} on every instance, this one's first, each once; asked
   * of the others on behalf of {@code asking} (its bearer token is passed on).
   *
   * @throws StoreUnavailableException when another instance does not answer 200
   */
  public Set<String> serials(String imageSha256, HttpRequest<?> asking) {
    Set<String> serials = new LinkedHashSet<>(local(imageSha256));
    String path = ROUTE.replace("{imageSha256}", imageSha256);
    for (HostInfo other : reader.otherHosts(InventoryStores.COUNTS)) {
      Forwarder.Answer answer = reader.forwarder().json(other, path, asking);
      if (answer.status() != 200) {
        throw new StoreUnavailableException(
            "the instance "
                + other
                + " answered "
                + answer.status()
                + " for its devices running "
                + imageSha256);
      }
      serials.addAll(devicesOf(answer.body(), other));
    }
    return serials;
  }

  /** An instance's answer, {@code {"imageSha256", "devices": [serial...]}}. */
  static Map<String, Object> answer(String imageSha256, Set<String> devices) {
    return Map.of("imageSha256", imageSha256, "devices", devices);
  }

  private static Set<String> devicesOf(byte[] body, HostInfo from) {
    try {
      Answer answer = JSON.readValue(body, Answer.class);
      return answer.devices() == null ? Set.of() : answer.devices();
    } catch (IOException e) {
      throw new StoreUnavailableException("unreadable devices from " + from + ": " + e, e);
    }
  }

  @io.micronaut.serde.annotation.Serdeable
  record Answer(String imageSha256, Set<String> devices) {}
}
