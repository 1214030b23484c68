package io.sealtrail.ingest.submission;

import java.util.Objects;

/**
 * Marks a submission as one event of an EPCIS capture ({@code POST /v1/epcis/capture}): the
 * envelope is the partner's signed EPCIS document, and the submission stands for the event at
 * {@code index} of its {@code epcisBody.eventList}, or for the document as a whole ({@link
 * #DOCUMENT}) when it has no event to stand for (unreadable, refused as a whole, or empty).
 *
 * @param partnerId the capturing partner as the door read it (the holder of the first signature's
 *     key): the submission's routing key and the partner the document is mapped for. Claimed only:
 *     the verifier accepts an event only if this partner's key signed the document
 */
public record CaptureItem(String partnerId, int index) {
  /** The index of a submission that stands for the whole document. */
  public static final int DOCUMENT = -1;

  public CaptureItem {
    Objects.requireNonNull(partnerId, "partnerId");
    if (index < DOCUMENT) {
      throw new IllegalArgumentException("index must be >= -1: " + index);
    }
  }

  public boolean wholeDocument() {
    return index == DOCUMENT;
  }

  /** The header value on the submissions topic: {@code <index> <partnerId>}. */
  String encode() {
    return index + " " + partnerId;
  }

  static CaptureItem decode(String value) {
    int space = value.indexOf(' ');
    if (space < 0) {
      throw new IllegalArgumentException("capture header is not '<index> <partnerId>'");
    }
    try {
      return new CaptureItem(
          value.substring(space + 1), Integer.parseInt(value.substring(0, space)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("capture header has no index: " + value, e);
    }
  }
}
