package io.sealtrail.ingest.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.User;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;

/**
 * A user as the API shows it: name, roles, expiry, status ({@code active}, {@code expired} or
 * {@code revoked}), who created and revoked it when. Never its token or the token's hash.
 */
final class UserView {
  private static final ObjectMapper JSON = new ObjectMapper();

  private UserView() {}

  static ObjectNode of(User user, Instant now) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", user.name());
    ArrayNode roles = node.putArray("roles");
    EnumSet.copyOf(user.roles()).forEach(r -> roles.add(r.name().toLowerCase(Locale.ROOT)));
    node.put("expiresAt", user.expiresAt() == null ? null : user.expiresAt().toString());
    node.put("status", status(user, now));
    node.put("createdAt", user.createdAt().toString());
    node.put("createdBy", user.createdBy());
    if (user.revokedAt() != null) {
      node.put("revokedAt", user.revokedAt().toString());
      node.put("revokedBy", user.revokedBy());
    }
    return node;
  }

  /** The view's bytes without its status (which moves with the clock): what audit digests. */
  static byte[] digestable(User user) {
    ObjectNode node = of(user, user.createdAt());
    node.remove("status");
    return write(node);
  }

  static byte[] write(Object node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree always writes", e);
    }
  }

  private static String status(User user, Instant now) {
    if (user.revokedAt() != null) {
      return "revoked";
    }
    return user.activeAt(now) ? "active" : "expired";
  }

  static String roleName(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }
}
