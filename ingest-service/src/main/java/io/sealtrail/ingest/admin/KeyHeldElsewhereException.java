package io.sealtrail.ingest.admin;

import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.util.Set;

/**
 * A registration listing a key another partner holds: 409 {@code key-held-by-another-partner}.
 * Written, it would make the keyid verify nothing for either partner, and since an update never
 * removes a key, the copy could not be undone.
 */
public final class KeyHeldElsewhereException extends ProblemException {
  public KeyHeldElsewhereException(String field, String keyid, Set<String> holders) {
    super(
        Problem.of(
                "key-held-by-another-partner",
                "Key registered to another partner",
                HttpStatus.CONFLICT,
                "key "
                    + keyid
                    + " is registered to "
                    + String.join(", ", holders)
                    + "; a key belongs to one partner: generate a new key for this one")
            .field(field));
  }
}
