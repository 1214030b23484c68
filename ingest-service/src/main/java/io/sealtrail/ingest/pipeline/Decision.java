package io.sealtrail.ingest.pipeline;

import io.sealtrail.ingest.submission.Submission;
import java.util.Objects;

/**
 * What the verifier decided about one submission, as a value: nothing is sent while deciding.
 * {@link DecisionWriter} is the one place that turns a decision into records.
 */
sealed interface Decision permits Decision.Accept, Decision.Reject, Written.Duplicate {
  Submission submission();

  /** An authentic, new event of the record's partition: to be written to custody.events. */
  record Accept(Submission submission, int partition, Judgement.Authentic authentic)
      implements Decision {
    public Accept {
      Objects.requireNonNull(submission, "submission");
      Objects.requireNonNull(authentic, "authentic");
    }
  }

  /** A refusal: to be written to custody.rejected. */
  record Reject(Submission submission, Rejection rejection) implements Decision {
    public Reject {
      Objects.requireNonNull(submission, "submission");
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
