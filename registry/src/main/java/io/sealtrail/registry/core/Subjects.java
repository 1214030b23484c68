package io.sealtrail.registry.core;

/** Rules about subject names and when a subject is listed. */
final class Subjects {
  private Subjects() {}

  /** Rejects names Confluent rejects: empty, control characters, its reserved names. */
  static void validate(String subject) {
    if (subject == null
        || subject.isEmpty()
        || subject.equals("__GLOBAL")
        || subject.equals("__EMPTY")
        || subject.chars().anyMatch(Character::isISOControl)) {
      throw Errors.invalidSubject(subject);
    }
  }

  static boolean listed(SubjectHistory history, boolean includeDeleted, boolean deletedOnly) {
    boolean hasLive = !history.live().isEmpty();
    if (deletedOnly) {
      return !history.isEmpty() && !hasLive;
    }
    return includeDeleted ? !history.isEmpty() : hasLive;
  }
}
