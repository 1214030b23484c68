package io.sealtrail.ingest.pipeline;

import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the verifier's pool prepares for one polled record (ADR 16): the record {@link Examined}
 * (parse, trust, schema, time) and, for an authentic submission, its event already {@link
 * EncodedEvent encoded}, or null where there is nothing to encode or encoding ahead failed (then
 * the loop thread encodes in the record's turn, as it would have without the pool, and any failure
 * is thrown there, inside the transaction).
 */
record Examination(Examined examined, EncodedEvent encoded) {
  Examination {
    Objects.requireNonNull(examined, "examined");
  }

  /** Examines {@code record} with {@code decider} and encodes its event with {@code writer}. */
  static Examination of(
      ConsumerRecord<String, byte[]> record, SubmissionDecider decider, DecisionWriter writer) {
    Examined examined = decider.examine(record);
    if (examined instanceof Examined.Judged judged
        && judged.judgement() instanceof Judgement.Authentic authentic) {
      return new Examination(examined, writer.encodeAhead(authentic, judged.parsed().submission()));
    }
    return new Examination(examined, null);
  }
}
