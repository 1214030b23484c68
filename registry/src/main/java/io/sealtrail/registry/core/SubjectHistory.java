package io.sealtrail.registry.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Every version record of one subject, oldest first, with the views the REST operations need. */
record SubjectHistory(String subject, List<SchemaVersion> all) {
  SubjectHistory {
    all = List.copyOf(all);
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

  /** Versions are never reused while any record of the subject, even soft-deleted, exists. */
  int nextVersion() {
    return all.stream().mapToInt(SchemaVersion::version).max().orElse(0) + 1;
  }
}
