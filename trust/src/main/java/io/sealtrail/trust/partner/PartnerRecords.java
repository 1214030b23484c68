package io.sealtrail.trust.partner;

import io.sealtrail.avro.partner.PartnerRegistration;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds records of the partners topic into directory snapshots, failing closed: a record that
 * cannot be read or used withdraws the partner its key names, since it may have carried a
 * revocation.
 */
final class PartnerRecords {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaPartnerDirectory.class);

  private PartnerRecords() {}

  /**
   * Applies one record: a registration replaces, a tombstone removes, and a registration invalid as
   * a whole (no partner id, a key listed twice, another partner's id than the record key) withdraws
   * the record key's partner until a valid registration arrives.
   */
  static PartnerDirectory applied(
      PartnerDirectory current, ConsumerRecord<String, PartnerRegistration> record) {
    try {
      return logConflicts(current, apply(current, record.key(), record.value()));
    } catch (IllegalArgumentException e) {
      LOG.error(
          "invalid partner registration at {}-{}@{}: {}; partner {} is withdrawn until a valid one arrives",
          record.topic(),
          record.partition(),
          record.offset(),
          e.getMessage(),
          record.key());
      return record.key() == null ? current : logConflicts(current, current.without(record.key()));
    }
  }

  /** Withdraws the partner of a record that cannot be deserialized at all. */
  static PartnerDirectory withdrawnUnreadable(
      PartnerDirectory current, RecordDeserializationException e) {
    String partnerId =
        e.keyBuffer() == null
            ? null
            : StandardCharsets.UTF_8.decode(e.keyBuffer().duplicate()).toString();
    LOG.error(
        "unreadable partner registration at {}@{} for partner {}; its keys are withdrawn until a readable one arrives",
        e.topicPartition(),
        e.offset(),
        partnerId,
        e);
    return partnerId == null ? current : logConflicts(current, current.without(partnerId));
  }

  private static PartnerDirectory apply(
      PartnerDirectory directory, String partnerId, PartnerRegistration value) {
    if (value == null) {
      return directory.without(partnerId);
    }
    if (!Objects.equals(partnerId, String.valueOf(value.getPartnerId()))) {
      throw new IllegalArgumentException(
          "record key " + partnerId + " holds the registration of " + value.getPartnerId());
    }
    return directory.with(
        PartnerRegistrationMapping.toPartner(
            value, invalid -> LOG.error("ignoring an unusable key: {}", invalid.getMessage())));
  }

  private static PartnerDirectory logConflicts(PartnerDirectory before, PartnerDirectory after) {
    after
        .conflicts()
        .forEach(
            (keyid, holders) -> {
              if (!holders.equals(before.conflicts().get(keyid))) {
                LOG.error(
                    "key {} is listed by partners {}: it verifies nothing for any of them",
                    keyid,
                    holders);
              }
            });
    return after;
  }
}
