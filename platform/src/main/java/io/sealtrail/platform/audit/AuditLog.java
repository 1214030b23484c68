package io.sealtrail.platform.audit;

/**
 * Where a service records the actions it takes. {@link #record} returns only once the entry is
 * durably written (every in-sync replica has it), so a route answers 2xx only for an action the
 * audit log holds; it throws {@link AuditUnavailableException} (a 503 to the client) otherwise.
 */
public interface AuditLog {
  void record(AuditEntry entry);
}
