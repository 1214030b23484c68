package io.sealtrail.evidence.verify;

/**
 * One thing in a bundle that does not hold.
 *
 * @param item what failed, e.g. {@code checkpoint}, {@code DEV-1 event ev-3 (acme) signature}
 * @param reason why, in words an auditor can act on
 */
public record Failure(String item, String reason) {
  @Override
  public String toString() {
    return item + ": " + reason;
  }
}
