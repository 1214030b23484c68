package io.sealtrail.client.event;

import static io.sealtrail.client.event.Fields.putOptional;
import static io.sealtrail.client.event.Fields.require;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sealtrail.trust.event.StreamPosition;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A custody event as a partner reports it: the common header of the partner contract and its type's
 * {@link Detail}. {@link #toJson()} gives the exact payload that is signed.
 *
 * @param station optional, may be null
 * @param operator optional, may be null
 * @param position the event's stream and number in it, or null (see {@link
 *     io.sealtrail.client.Stream}, which numbers a stream durably)
 */
public record CustodyEvent(
    String eventId,
    Instant occurredAt,
    String partnerId,
    String site,
    String station,
    String operator,
    String subject,
    Detail detail,
    StreamPosition position) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public CustodyEvent {
    require(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    require(partnerId, "partnerId");
    require(site, "site");
    require(subject, "subject");
    Objects.requireNonNull(detail, "detail");
  }

  /** An event in no stream. */
  public CustodyEvent(
      String eventId,
      Instant occurredAt,
      String partnerId,
      String site,
      String station,
      String operator,
      String subject,
      Detail detail) {
    this(eventId, occurredAt, partnerId, site, station, operator, subject, detail, null);
  }

  /** The same event numbered {@code sequence} in {@code stream}. */
  public CustodyEvent inStream(String stream, long sequence) {
    return new CustodyEvent(
        eventId,
        occurredAt,
        partnerId,
        site,
        station,
        operator,
        subject,
        detail,
        new StreamPosition(stream, sequence));
  }

  /** A builder with a random eventId and {@code occurredAt} now, to be overridden as needed. */
  public static Builder builder() {
    return new Builder();
  }

  /** The contract's event type, given by the detail. */
  public String type() {
    return detail.type();
  }

  /** The payload: UTF-8 JSON with the contract's fields in its order, optional ones left out. */
  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("eventId", eventId)
        .put("type", type())
        // RFC 3339 in UTC with a Z; ISO_INSTANT never writes another offset.
        .put("occurredAt", DateTimeFormatter.ISO_INSTANT.format(occurredAt))
        .put("partnerId", partnerId)
        .put("site", site);
    putOptional(root, "station", station);
    putOptional(root, "operator", operator);
    root.put("subject", subject);
    if (position != null) {
      root.put(StreamPosition.STREAM, position.stream())
          .put(StreamPosition.SEQUENCE, position.sequence());
    }
    detail.writeTo(root.putObject("detail"));
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  /** Builds a {@link CustodyEvent}; partner, site, subject and detail have no default. */
  public static final class Builder {
    private String eventId = UUID.randomUUID().toString();
    private Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private String partnerId;
    private String site;
    private String station;
    private String operator;
    private String subject;
    private Detail detail;
    private StreamPosition position;

    private Builder() {}

    /** Unique per partner; a retry of the same event must reuse it (the client does). */
    public Builder eventId(String eventId) {
      this.eventId = eventId;
      return this;
    }

    public Builder occurredAt(Instant occurredAt) {
      this.occurredAt = occurredAt;
      return this;
    }

    public Builder partnerId(String partnerId) {
      this.partnerId = partnerId;
      return this;
    }

    public Builder site(String site) {
      this.site = site;
      return this;
    }

    public Builder station(String station) {
      this.station = station;
      return this;
    }

    public Builder operator(String operator) {
      this.operator = operator;
      return this;
    }

    /** The serial the event is about. */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /**
     * Numbered {@code sequence} in the partner's stream {@code stream} (1 to 128 characters, no
     * control characters; numbers from 0). {@link io.sealtrail.client.Stream} keeps the count.
     */
    public Builder stream(String stream, long sequence) {
      this.position = new StreamPosition(stream, sequence);
      return this;
    }

    /** What happened; its record decides the event type. */
    public Builder detail(Detail detail) {
      this.detail = detail;
      return this;
    }

    /**
     * The event; throws IllegalArgumentException or NullPointerException naming a missing field.
     */
    public CustodyEvent build() {
      return new CustodyEvent(
          eventId, occurredAt, partnerId, site, station, operator, subject, detail, position);
    }
  }
}
