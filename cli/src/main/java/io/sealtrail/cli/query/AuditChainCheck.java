package io.sealtrail.cli.query;

import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.log.audit.AuditHash;
import java.util.Optional;

/**
 * Verifies the audit chain as an auditor would, record by record from the first, recomputing
 * everything from the records themselves (never taking a service's word): the indices run 0, 1, 2 …
 * without a gap, each record hashes to its {@code hash} under the documented canonical encoding
 * ({@link AuditHash}, log-service README), and each {@code prevHash} is the previous record's hash
 * (32 zero bytes for record 0). The first break ends the check and is named: a removed record shows
 * as a gap in the index, an edited one as a hash that does not match its content, one replaced with
 * a recomputed hash as a link that does not follow.
 */
final class AuditChainCheck {
  private long expected;
  private String previous = AuditHash.GENESIS;
  private String problem;

  /** One record as read, at {@code offset}; null {@code record} with why it could not be read. */
  record Read(long offset, AuditRecord record, String unreadable) {}

  /** Checks the next record; false once the chain is broken (this one or an earlier). */
  boolean add(Read read) {
    if (problem != null) {
      return false;
    }
    problem = judge(read);
    if (problem != null) {
      return false;
    }
    expected++;
    previous = read.record().getHash().toString();
    return true;
  }

  private String judge(Read read) {
    if (read.record() == null) {
      return "the record at offset "
          + read.offset()
          + " is not an audit record ("
          + read.unreadable()
          + ")";
    }
    AuditRecord r = read.record();
    if (r.getIndex() > expected) {
      return "record "
          + expected
          + " is missing: the next record (offset "
          + read.offset()
          + ") has index "
          + r.getIndex()
          + " — a gap in the index: record"
          + (r.getIndex() - expected > 1
              ? "s " + expected + ".." + (r.getIndex() - 1)
              : " " + expected)
          + " removed";
    }
    if (r.getIndex() < expected) {
      return "the record at offset "
          + read.offset()
          + " has index "
          + r.getIndex()
          + " where "
          + expected
          + " was due: a record repeated or inserted";
    }
    String recomputed = AuditHash.of(r);
    if (!recomputed.contentEquals(r.getHash())) {
      return "record "
          + r.getIndex()
          + " was edited: its content hashes to "
          + recomputed
          + " but it carries hash "
          + r.getHash();
    }
    if (!previous.contentEquals(r.getPrevHash())) {
      return "record "
          + r.getIndex()
          + " does not link to "
          + (expected == 0 ? "the genesis " : "record " + (expected - 1) + "'s hash ")
          + previous
          + ": its prevHash is "
          + r.getPrevHash()
          + " — the record before it was removed or replaced";
    }
    return null;
  }

  /** Records verified so far (all of them when the chain holds). */
  long verified() {
    return expected;
  }

  /** The hash of the last verified record; the genesis when none. */
  String head() {
    return previous;
  }

  /** The first break, if any. */
  Optional<String> problem() {
    return Optional.ofNullable(problem);
  }
}
