package io.sealtrail.custody.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.sealtrail.custody.history.ChainVerifier;

/**
 * The history answer's own verdict on its hash chain, as {@link ChainVerifier} finds it against the
 * state's head: {@code intact}, or {@code broken} at the first sequence that departs and why. An
 * auditor still re-verifies offline; this says at a glance what the instance found.
 *
 * @param sequence where the chain breaks; only when broken
 * @param reason how it breaks; only when broken
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainStatus(String status, Long sequence, String reason) {
  public static final ChainStatus INTACT = new ChainStatus("intact", null, null);

  /** A chain broken at {@code sequence} for {@code reason}. */
  public static ChainStatus broken(long sequence, String reason) {
    return new ChainStatus("broken", sequence, reason);
  }

  /** The verdict of one check. */
  public static ChainStatus of(ChainVerifier.Result result) {
    if (result instanceof ChainVerifier.Broken broken) {
      return broken(broken.sequence(), broken.reason());
    }
    return INTACT;
  }
}
