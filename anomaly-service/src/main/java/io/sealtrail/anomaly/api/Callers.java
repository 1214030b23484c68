package io.sealtrail.anomaly.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.sealtrail.platform.auth.Caller;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.http.Problem;
import io.sealtrail.platform.http.ProblemException;
import java.util.EnumSet;
import java.util.Set;

/** Who may triage alerts, and who a command's record names: always the authenticated caller. */
final class Callers {
  static final Set<Role> TRIAGERS = EnumSet.of(Role.SECOPS, Role.ADMIN);

  private Callers() {}

  /**
   * The actor of a command: the caller {@link SecopsFilter} let in. A {@code by} in the body may
   * only repeat it; one naming anybody else is 400 {@code actor-mismatch}, so a record cannot lie
   * about who acted.
   */
  static String actor(HttpRequest<?> request, @Nullable String by) {
    String caller = Caller.of(request).name();
    if (by != null && !by.equals(caller)) {
      throw new ProblemException(
          Problem.of(
                  "actor-mismatch",
                  "The body names another actor",
                  HttpStatus.BAD_REQUEST,
                  "by is '"
                      + by
                      + "' but the request is authenticated as '"
                      + caller
                      + "'; leave by out, the authenticated caller is recorded")
              .field("/by"));
    }
    return caller;
  }
}
