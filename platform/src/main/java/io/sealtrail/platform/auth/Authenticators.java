package io.sealtrail.platform.auth;

import java.util.List;
import java.util.Optional;

/** Several ways to be known, asked in order: the first that names a caller wins. */
public final class Authenticators {
  private Authenticators() {}

  public static Authenticator firstOf(List<Authenticator> each) {
    List<Authenticator> all = List.copyOf(each);
    return token -> {
      for (Authenticator one : all) {
        Optional<Caller> caller = one.authenticate(token);
        if (caller.isPresent()) {
          return caller;
        }
      }
      return Optional.empty();
    };
  }
}
