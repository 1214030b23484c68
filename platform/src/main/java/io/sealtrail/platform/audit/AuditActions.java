package io.sealtrail.platform.audit;

/**
 * The stable names of audited actions: what {@code GET /v1/audit?action=} filters on. New actions
 * are added here, never renamed.
 */
public final class AuditActions {
  public static final String PARTNER_REGISTERED = "partner.registered";
  public static final String PARTNER_UPDATED = "partner.updated";
  public static final String PARTNER_KEY_REVOKED = "partner.key-revoked";
  public static final String USER_CREATED = "user.created";
  public static final String USER_REVOKED = "user.revoked";
  public static final String ALERT_ACKNOWLEDGED = "alert.acknowledged";
  public static final String ALERT_ASSIGNED = "alert.assigned";
  public static final String ALERT_RESOLVED = "alert.resolved";
  public static final String HOLD_PLACED = "hold.placed";
  public static final String HOLD_RELEASED = "hold.released";
  public static final String POLICY_CHANGED = "policy.changed";
  public static final String LAYOUT_CHANGED = "layout.changed";
  public static final String CAMPAIGN_CREATED = "campaign.created";
  public static final String CAMPAIGN_DEVICE_UPDATED = "campaign.device-updated";

  private AuditActions() {}
}
