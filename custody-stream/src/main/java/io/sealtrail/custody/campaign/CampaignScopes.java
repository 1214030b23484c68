package io.sealtrail.custody.campaign;

import io.micronaut.http.HttpRequest;
import io.sealtrail.avro.campaign.CampaignScope;
import java.util.List;
import java.util.Set;

/**
 * The serials of the devices a campaign covers, as the trace of its scope finds them now, asked on
 * behalf of the request that creates it. An unknown lot, supplier or image is a {@link
 * io.sealtrail.custody.query.KeyNotFoundException} (404).
 */
public interface CampaignScopes {
  List<String> serials(CampaignScope scope, String id, HttpRequest<?> asking);

  /**
   * The devices running {@code imageSha256} in this instance's part of the firmware inventory (it
   * is partitioned by product); {@link ImageScope} gathers every instance's part.
   */
  Set<String> ofImage(String imageSha256);
}
