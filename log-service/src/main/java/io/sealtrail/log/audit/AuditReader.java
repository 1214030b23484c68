package io.sealtrail.log.audit;

import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.log.read.LogStoreAccess;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;

/**
 * Answers {@code GET /v1/audit} from the chainer's store on this instance (active or standby; 503
 * while it restores or is not here): records in index order from the cursor on, filtered. A scan:
 * the audit log grows with administrative actions, not with events (ADR 9).
 */
public final class AuditReader {
  private final LogStoreAccess stores;

  public AuditReader(LogStoreAccess stores) {
    this.stores = stores;
  }

  public AuditPage find(AuditQuery query) {
    long from = query.after() == null ? 0 : query.after() + 1;
    List<AuditPage.Entry> page = new ArrayList<>();
    Long next = null;
    if (from < 0) {
      return new AuditPage(page, null); // after = Long.MAX_VALUE: nothing can follow
    }
    try (KeyValueIterator<Bytes, byte[]> records =
        stores.store(AuditStore.NAME).range(AuditStore.key(from), AuditStore.key(Long.MAX_VALUE))) {
      while (records.hasNext()) {
        KeyValue<Bytes, byte[]> stored = records.next();
        AuditRecord record = AuditStore.record(stored.value);
        if (!query.matches(record)) {
          continue;
        }
        if (page.size() == query.limit()) {
          next = page.get(page.size() - 1).index();
          break;
        }
        page.add(AuditPage.Entry.of(record));
      }
    }
    return new AuditPage(page, next);
  }
}
