package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.submission.ParsedSubmission;
import java.util.Objects;

/**
 * What {@link SubmissionDecider#examine} found about one submission without the dedup state: a
 * decision already {@link Settled} (a foreign record, a capture event no custody event means), or a
 * submission read and {@link Judged}, still to meet the resend lookup and deduplication.
 */
sealed interface Examined permits Examined.Settled, Examined.Judged {

  /** Decided whatever the dedup state says. */
  record Settled(Decision decision) implements Examined {
    public Settled {
      Objects.requireNonNull(decision, "decision");
    }
  }

  /**
   * Read once and judged; {@code carried} is the EPCIS event it stands for, or null for a submitted
   * envelope.
   */
  record Judged(
      ParsedSubmission parsed,
      String routingKey,
      int partition,
      Judgement judgement,
      CaptureReading.Carried carried)
      implements Examined {
    public Judged {
      Objects.requireNonNull(parsed, "parsed");
      Objects.requireNonNull(judgement, "judgement");
    }
  }
}
