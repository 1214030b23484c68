package io.sealtrail.client;

import io.sealtrail.client.event.CustodyEvent;
import io.sealtrail.client.http.PlatformUnavailableException;
import io.sealtrail.client.outbox.Outbox;
import io.sealtrail.client.outbox.OutboxEntry;
import io.sealtrail.client.outbox.StreamCounter;
import io.sealtrail.client.proof.Proofs;
import io.sealtrail.client.proof.ReceiptStore;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.event.StreamPosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partner's connection to Sealtrail: signs custody events, stores each envelope in a durable
 * outbox, then submits it to {@code POST /v1/events}. An envelope leaves the outbox only once the
 * platform answered for it, so a partner that is offline or crashes loses nothing; resending uses
 * the stored bytes, so a retry is a {@code duplicate}, never a second event. Thread-safe; build it
 * with {@link #builder(java.net.URI)}.
 */
public final class SealtrailClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SealtrailClient.class);

  private final List<Signer> signers;
  private final Outbox outbox;
  private final OutboxSender sender;
  private final Duration resendInterval;
  private final Clock clock;
  private final ScheduledExecutorService background;
  // One sender at a time keeps the outbox order on the wire.
  private final ReentrantLock sending = new ReentrantLock();
  private Instant quietUntil = Instant.MIN;
  private final ReceiptStore receipts;
  private final Proofs proofs;
  private final Map<String, Stream> streams = new java.util.concurrent.ConcurrentHashMap<>();

  SealtrailClient(
      List<Signer> signers,
      Outbox outbox,
      OutboxSender sender,
      Duration resendInterval,
      Clock clock,
      ReceiptStore receipts,
      Proofs proofs) {
    this.signers = List.copyOf(signers);
    this.outbox = outbox;
    this.sender = sender;
    this.resendInterval = resendInterval;
    this.clock = clock;
    this.receipts = receipts;
    this.proofs = proofs;
    this.background = resendInterval.isZero() ? null : startBackground(resendInterval);
  }

  /** A builder for a client of the platform at {@code url}, e.g. {@code http://ingest:8080}. */
  public static ClientBuilder builder(java.net.URI url) {
    return new ClientBuilder(url);
  }

  /**
   * Signs {@code event} with the client's keys and submits it; see {@link #submit(SignedEnvelope)}.
   */
  public Outcome submit(CustodyEvent event) throws IOException {
    return submit(SignedEnvelope.sign(event, signers));
  }

  /**
   * Stores {@code envelope} in the outbox, then sends it (after anything older still waiting).
   * Returns the platform's answer, or {@link Outcome.Pending} when the platform could not be
   * reached: the envelope stays in the outbox and is resent by {@link #flush()} or the background
   * sender; or {@link Outcome.Refused} when the platform refuses it for good (moved to the outbox's
   * quarantine).
   *
   * @throws IOException the outbox could not be written (nothing of this envelope was stored), or
   *     the thread was interrupted while sending (it was stored and will be sent)
   */
  public Outcome submit(SignedEnvelope envelope) throws IOException {
    return submitAll(List.of(envelope)).get(0);
  }

  /** Signs and submits {@code events} together, in batches; outcomes in the same order. */
  public List<Outcome> submitEvents(List<CustodyEvent> events) throws IOException {
    return submitAll(events.stream().map(e -> SignedEnvelope.sign(e, signers)).toList());
  }

  /**
   * Stores every envelope, then sends them in batches; outcomes in the same order. If the outbox
   * fails part way, the envelopes stored before the failure stay and are sent later.
   */
  public List<Outcome> submitAll(List<SignedEnvelope> envelopes) throws IOException {
    sending.lock();
    try {
      List<OutboxEntry> stored = new ArrayList<>(envelopes.size());
      for (SignedEnvelope envelope : envelopes) {
        stored.add(outbox.append(envelope, clock.instant()));
      }
      Map<Long, Outcome> settled = Map.of();
      String why = "the platform was not reachable recently; resending later";
      if (!clock.instant().isBefore(quietUntil)) {
        try {
          settled = drain();
        } catch (PlatformUnavailableException e) {
          why = e.getMessage();
        }
      }
      List<Outcome> outcomes = new ArrayList<>(stored.size());
      for (OutboxEntry entry : stored) {
        Outcome outcome = settled.get(entry.sequence());
        outcomes.add(
            outcome != null ? outcome : new Outcome.Pending(entry.envelope().eventId(), why));
      }
      return outcomes;
    } finally {
      sending.unlock();
    }
  }

  /**
   * Sends everything waiting in the outbox, oldest first, and returns the platform's answers.
   *
   * @throws PlatformUnavailableException the platform could not be reached after the retries; what
   *     was not answered stays in the outbox
   */
  public List<Outcome> flush() throws IOException {
    sending.lock();
    try {
      return List.copyOf(drain().values());
    } finally {
      sending.unlock();
    }
  }

  /**
   * The stream {@code name} of this client, numbered durably in the outbox directory ({@code
   * streams/}); the same object for the same name.
   *
   * @throws IllegalArgumentException for a name the contract refuses (empty, over 128 characters,
   *     control characters)
   */
  public Stream stream(String name) throws IOException {
    new StreamPosition(name, 0); // the contract's rule for a name, before a file is named after it
    try {
      return streams.computeIfAbsent(
          name,
          n -> {
            try {
              return new Stream(
                  n, StreamCounter.open(outbox.directory().resolve("streams"), n), this);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * The receipts of the events the platform stored for this client, kept in the outbox's {@code
   * receipts/}.
   */
  public ReceiptStore receipts() {
    return receipts;
  }

  /**
   * Fetching and verifying the inclusion proofs of the events the platform stored for this client.
   *
   * @throws IllegalStateException when the builder was given no {@code logKey}
   */
  public Proofs proofs() {
    if (proofs == null) {
      throw new IllegalStateException(
          "proofs are verified with the log's key: configure the builder's logKey()");
    }
    return proofs;
  }

  /** How many envelopes wait in the outbox for an answer. */
  public int pending() {
    return outbox.size();
  }

  private Map<Long, Outcome> drain() throws IOException {
    try {
      Map<Long, Outcome> settled = sender.drain();
      quietUntil = Instant.MIN;
      return settled;
    } catch (PlatformUnavailableException e) {
      // Later submits only store until then, instead of each waiting out its own retries.
      quietUntil =
          clock.instant().plus(resendInterval.isZero() ? Duration.ofSeconds(1) : resendInterval);
      throw e;
    }
  }

  private ScheduledExecutorService startBackground(Duration interval) {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "sealtrail-outbox-sender");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::resend, millis, millis, TimeUnit.MILLISECONDS);
    return executor;
  }

  private void resend() {
    if (outbox.size() == 0) {
      return;
    }
    try {
      List<Outcome> settled = flush();
      LOG.info("resent {} envelopes from the outbox", settled.size());
    } catch (IOException | RuntimeException e) {
      LOG.info("outbox resend deferred ({} waiting): {}", outbox.size(), e.getMessage());
    }
  }

  /** Stops the background sender and releases the outbox; what waits there stays for next time. */
  @Override
  public void close() throws IOException {
    if (background != null) {
      background.shutdownNow();
      try {
        background.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sending.lock();
    try {
      outbox.close();
    } finally {
      sending.unlock();
    }
  }
}
