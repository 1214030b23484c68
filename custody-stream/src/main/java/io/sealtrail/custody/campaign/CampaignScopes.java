package io.sealtrail.custody.campaign;

import io.micronaut.http.HttpRequest;
import io.sealtrail.avro.campaign.CampaignScope;
import java.util.List;

/**
 * The serials of the devices a campaign covers, as the trace of its scope finds them now, asked on
 * behalf of the request that creates it. An unknown lot, supplier or image is a {@link
 * io.sealtrail.custody.query.KeyNotFoundException} (404).
 */
@FunctionalInterface
public interface CampaignScopes {
  List<String> serials(CampaignScope scope, String id, HttpRequest<?> asking);
}
