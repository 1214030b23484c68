package io.sealtrail.platform.auth;

import java.util.Optional;

/**
 * Who a bearer credential belongs to: the caller it names, or empty when it names nobody (unknown,
 * expired, revoked). The gate of every service asks this one question.
 */
public interface Authenticator {
  Optional<Caller> authenticate(String bearerToken);
}
