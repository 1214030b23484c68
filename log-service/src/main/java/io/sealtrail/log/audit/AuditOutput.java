package io.sealtrail.log.audit;

import io.sealtrail.avro.audit.AuditRecord;

/** What the chainer publishes: a chained record, or an action it could not read (dead letter). */
sealed interface AuditOutput {
  /** The next record of {@code custody.audit}. */
  record Chained(AuditRecord record) implements AuditOutput {}

  /** The bytes of an action that is not an audit entry, unchanged; null for a tombstone. */
  record DeadLetter(byte[] bytes) implements AuditOutput {}
}
