package io.sealtrail.registry.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Every version record of one subject, oldest first, with the views the REST operations need. */
record SubjectHistory(String subject, List<SchemaVersion> all, Set<Integer> reserved) {
  SubjectHistory {
    all = List.copyOf(all);
    reserved = Set.copyOf(reserved);
  }

  SubjectHistory(String subject, List<SchemaVersion> all) {
    this(subject, all, Set.of());
  }

  boolean isEmpty() {
    return all.isEmpty();
  }

  List<SchemaVersion> live() {
    return all.stream().filter(v -> !v.deleted()).toList();
  }

  List<SchemaVersion> liveNewestFirst() {
    List<SchemaVersion> live = new ArrayList<>(live());
    Collections.reverse(live);
    return live;
  }

  /** The versions a read sees: live ones, or all with {@code deleted=true}; 40401 when none. */
  List<SchemaVersion> visible(boolean includeDeleted) {
    List<SchemaVersion> visible = includeDeleted ? all : live();
    if (visible.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    return visible;
  }

  /**
   * Versions are never reused while any record of the subject, even soft-deleted or one this
   * registry cannot serve, exists.
   */
  int nextVersion() {
    int highestReserved = reserved.stream().mapToInt(Integer::intValue).max().orElse(0);
    return Math.max(highestReserved, all.stream().mapToInt(SchemaVersion::version).max().orElse(0))
        + 1;
  }

  /** Whether a record, served or reserved, holds this version number. */
  boolean holds(int version) {
    return reserved.contains(version) || all.stream().anyMatch(v -> v.version() == version);
  }
}
