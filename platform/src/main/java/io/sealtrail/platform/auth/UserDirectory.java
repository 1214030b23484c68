package io.sealtrail.platform.auth;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The users as one read of {@code custody.users} left them, by name and by token hash; immutable.
 */
public final class UserDirectory {
  private static final UserDirectory EMPTY = new UserDirectory(Map.of(), Map.of());

  private final Map<String, User> byName;
  private final Map<String, User> byTokenHash;

  private UserDirectory(Map<String, User> byName, Map<String, User> byTokenHash) {
    this.byName = byName;
    this.byTokenHash = byTokenHash;
  }

  public static UserDirectory empty() {
    return EMPTY;
  }

  public Optional<User> user(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The user whose token hashes to {@code tokenSha256}, active or not. */
  public Optional<User> byTokenHash(String tokenSha256) {
    return Optional.ofNullable(byTokenHash.get(tokenSha256));
  }

  /** Every user, sorted by name. */
  public List<User> users() {
    return byName.values().stream().sorted(java.util.Comparator.comparing(User::name)).toList();
  }

  public int size() {
    return byName.size();
  }

  /**
   * The directory after {@code changes}, in order: a name mapped to a user replaces that name's
   * record, a name mapped to empty (a tombstone, or a record nobody can read) removes it.
   */
  public UserDirectory with(Collection<Map.Entry<String, Optional<User>>> changes) {
    if (changes.isEmpty()) {
      return this;
    }
    Map<String, User> names = new HashMap<>(byName);
    for (Map.Entry<String, Optional<User>> change : changes) {
      change
          .getValue()
          .ifPresentOrElse(
              user -> names.put(change.getKey(), user), () -> names.remove(change.getKey()));
    }
    Map<String, User> tokens = new HashMap<>();
    for (User user : names.values()) {
      tokens.put(user.tokenSha256(), user);
    }
    return new UserDirectory(Map.copyOf(names), Map.copyOf(tokens));
  }
}
