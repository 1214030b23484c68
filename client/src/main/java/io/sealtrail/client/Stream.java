package io.sealtrail.client;

import io.sealtrail.client.event.CustodyEvent;
import io.sealtrail.client.outbox.StreamCounter;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * One of the partner's ordered streams (a station, a dock door), numbered for it: each event
 * submitted through it gets the stream's name and the next number, counted from 0 and kept in the
 * outbox directory ({@code streams/<name>.next}) across restarts. custody-stream checks the numbers
 * per (partner, stream): a number missing past the grace is SEQUENCE_GAP, a number on two events
 * SEQUENCE_REUSE. Get it with {@link SealtrailClient#stream(String)}; thread-safe.
 */
public final class Stream {
  private final String name;
  private final StreamCounter counter;
  private final SealtrailClient client;

  Stream(String name, StreamCounter counter, SealtrailClient client) {
    this.name = Objects.requireNonNull(name, "name");
    this.counter = counter;
    this.client = client;
  }

  public String name() {
    return name;
  }

  /** The number the next event gets. */
  public long next() {
    return counter.peek();
  }

  /**
   * The event {@code builder} describes, with this stream's name and its next number, taken
   * durably: submit it (or it leaves a gap).
   */
  public CustodyEvent number(CustodyEvent.Builder builder) throws IOException {
    CustodyEvent event = builder.build();
    return event.inStream(name, counter.take());
  }

  /** Numbers the event and submits it; see {@link SealtrailClient#submit(CustodyEvent)}. */
  public Outcome submit(CustodyEvent.Builder builder) throws IOException {
    return client.submit(number(builder));
  }

  /** Numbers the events in order and submits them together. */
  public List<Outcome> submitAll(List<CustodyEvent.Builder> builders) throws IOException {
    List<CustodyEvent> numbered = new java.util.ArrayList<>(builders.size());
    for (CustodyEvent.Builder builder : builders) {
      numbered.add(number(builder));
    }
    return client.submitEvents(numbered);
  }
}
