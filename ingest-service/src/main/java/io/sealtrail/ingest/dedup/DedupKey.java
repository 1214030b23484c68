package io.sealtrail.ingest.dedup;

/**
 * The dedup identity of an event, {@code (partnerId, eventId)}, as one string: the partner id's
 * length in characters, a colon, the partner id, a slash and the event id, e.g. {@code
 * 4:acme/ev-1}. The length prefix makes it unambiguous whatever the ids contain: {@code
 * partnerId/eventId} made partner {@code X}'s event {@code 7/e1} and partner {@code X/7}'s event
 * {@code e1} one key (issue 21, defect 4). The key of the dedup topic and of the in-memory dedup
 * state.
 */
public final class DedupKey {
  private DedupKey() {}

  public static String of(String partnerId, String eventId) {
    return partnerId.length() + ":" + partnerId + "/" + eventId;
  }
}
