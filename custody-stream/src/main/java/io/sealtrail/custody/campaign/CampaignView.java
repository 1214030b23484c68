package io.sealtrail.custody.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.avro.campaign.CampaignDevice;
import io.sealtrail.avro.campaign.RecallState;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign as the campaigns API answers it: what it was traced from, who created it, its devices
 * with their states (absent from the list view), and how many devices are in each state.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CampaignView(
    String campaignId,
    String name,
    String scope,
    String scopeId,
    String createdBy,
    String createdAt,
    long deviceCount,
    Map<String, Long> counts,
    List<DeviceView> devices) {

  /** One device of a campaign: its state and who set it when. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record DeviceView(
      String serial, String state, String changedBy, String changedAt, String note) {
    static DeviceView of(CampaignDevice device) {
      return new DeviceView(
          device.getSerial(),
          device.getState().name(),
          device.getChangedBy(),
          device.getChangedAt().toString(),
          device.getNote());
    }
  }

  /** The whole campaign, devices included. */
  static CampaignView of(CampaignBook.Campaign campaign) {
    return of(campaign, campaign.devices().stream().map(DeviceView::of).toList());
  }

  /** The campaign without its device list (the list route); counts need the devices. */
  static CampaignView summary(CampaignBook.Campaign campaign, List<CampaignDevice> devices) {
    CampaignView full =
        of(new CampaignBook.Campaign(campaign.campaignId(), campaign.header(), devices));
    return new CampaignView(
        full.campaignId,
        full.name,
        full.scope,
        full.scopeId,
        full.createdBy,
        full.createdAt,
        full.deviceCount,
        full.counts,
        null);
  }

  private static CampaignView of(CampaignBook.Campaign campaign, List<DeviceView> devices) {
    var header = campaign.header();
    Map<RecallState, Long> byState = new EnumMap<>(RecallState.class);
    for (RecallState state : RecallState.values()) {
      byState.put(state, 0L);
    }
    campaign.devices().forEach(d -> byState.merge(d.getState(), 1L, Long::sum));
    Map<String, Long> counts = new LinkedHashMap<>();
    byState.forEach((state, n) -> counts.put(state.name(), n));
    return new CampaignView(
        campaign.campaignId(),
        header.getName(),
        header.getScope().name(),
        header.getScopeId(),
        header.getCreatedBy(),
        header.getCreatedAt().toString(),
        header.getDevices(),
        counts,
        devices);
  }
}
