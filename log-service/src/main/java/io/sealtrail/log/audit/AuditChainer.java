package io.sealtrail.log.audit;

import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.platform.audit.AuditEntry;
import io.sealtrail.platform.audit.AuditEntryJson;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit chain's one writer: the only task of the one-partition {@code custody.audit.actions}.
 * Each entry it reads, in the topic's order, becomes the next record of {@code custody.audit}: the
 * next index, the previous record's hash (the genesis for the first) and its own {@link AuditHash}.
 * The head is kept in {@link AuditStore} (changelogged), and under exactly-once v2 the record, the
 * store and the input offset commit together, so a restart neither skips nor repeats an entry.
 * Chaining depends on the input alone (never this node's clock), so replaying the same entries
 * gives the same records, byte for byte: the chain cannot fork.
 *
 * <p>An action that is not an audit entry (not its JSON, a field missing or blank, a digest not 64
 * lowercase hex digits, a tombstone) must not stop the chain: it is sent unchanged to the
 * dead-letter topic, with headers naming why and where it came from, and logged as a warning. It
 * takes no index, so the chain stays gap-free.
 */
final class AuditChainer implements Processor<String, byte[], String, AuditOutput> {
  /** Header of a dead letter: why the action was refused. */
  static final String ERROR_HEADER = "sealtrail.audit.error";

  /** Header of a dead letter: {@code <topic>-<partition>@<offset>} it was read at. */
  static final String SOURCE_HEADER = "sealtrail.audit.source";

  private static final Logger LOG = LoggerFactory.getLogger(AuditChainer.class);
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  private ProcessorContext<String, AuditOutput> context;
  private KeyValueStore<Bytes, byte[]> store;

  @Override
  public void init(ProcessorContext<String, AuditOutput> context) {
    if (context.taskId().partition() != 0) {
      // A second partition would be a second chain with its own head: a fork. Refuse to run.
      throw new IllegalStateException(
          "the audit actions topic must have exactly one partition; found partition "
              + context.taskId().partition());
    }
    this.context = context;
    this.store = context.getStateStore(AuditStore.NAME);
  }

  @Override
  public void process(Record<String, byte[]> action) {
    AuditEntry entry;
    try {
      entry = entry(action.value());
    } catch (IllegalArgumentException e) {
      deadLetter(action, e.getMessage());
      return;
    }
    AuditRecord head = AuditStore.head(store).orElse(null);
    AuditRecord record =
        AuditRecord.newBuilder()
            .setIndex(head == null ? 0 : head.getIndex() + 1)
            .setActor(entry.actor())
            .setAt(entry.at().truncatedTo(ChronoUnit.MILLIS))
            .setAction(entry.action())
            .setTarget(entry.target())
            .setRequestId(entry.requestId())
            .setBeforeSha256(entry.beforeSha256())
            .setAfterSha256(entry.afterSha256())
            .setPrevHash(head == null ? AuditHash.GENESIS : head.getHash().toString())
            .setHash("")
            .build();
    record.setHash(AuditHash.of(record));
    AuditStore.append(store, record);
    context.forward(
        action
            .withKey(Long.toString(record.getIndex()))
            .withValue(new AuditOutput.Chained(record)));
  }

  /** The entry {@code json} holds, every field the chain needs present and well formed. */
  static AuditEntry entry(byte[] json) {
    if (json == null) {
      throw new IllegalArgumentException("a tombstone is not an audit entry");
    }
    AuditEntry entry = AuditEntryJson.read(json);
    nonBlank("actor", entry.actor());
    nonBlank("action", entry.action());
    nonBlank("target", entry.target());
    nonBlank("requestId", entry.requestId());
    digest("beforeSha256", entry.beforeSha256());
    digest("afterSha256", entry.afterSha256());
    return entry;
  }

  private void deadLetter(Record<String, byte[]> action, String reason) {
    String source =
        context
            .recordMetadata()
            .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
            .orElse("unknown");
    // Never a silent drop: the action is kept on the dead-letter topic and named here.
    LOG.warn(
        "audit action at {} is not an audit entry ({}): sent to the dead-letter topic, not chained",
        source,
        reason);
    Record<String, byte[]> marked = action.withHeaders(action.headers());
    marked.headers().remove(ERROR_HEADER).remove(SOURCE_HEADER);
    marked.headers().add(ERROR_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    marked.headers().add(SOURCE_HEADER, source.getBytes(StandardCharsets.UTF_8));
    context.forward(marked.withValue(new AuditOutput.DeadLetter(action.value())));
  }

  private static void nonBlank(String field, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException("audit entry field " + field + " is blank");
    }
  }

  private static void digest(String field, String value) {
    if (value != null && !SHA256_HEX.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "audit entry field " + field + " is not 64 lowercase hex digits");
    }
  }
}
