package io.sealtrail.custody.hold;

import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditLog;

/**
 * custody-stream's audit log as the holds API reaches it. In local mode every service's beans share
 * one HTTP context, each with its own {@link AuditLog} bean, so the holds controller asks for this
 * type, which only custody-stream registers, instead of an {@code AuditLog} several may offer.
 */
public record HoldAudit(AuditLog log) {
  void record(AuditEntry entry) {
    log.record(entry);
  }
}
