package io.sealtrail.client;

import io.sealtrail.client.http.EventsApi;
import io.sealtrail.client.http.RecordedApi;
import io.sealtrail.client.http.RetryPolicy;
import io.sealtrail.client.http.Retrying;
import io.sealtrail.client.outbox.Outbox;
import io.sealtrail.client.proof.Proofs;
import io.sealtrail.client.proof.ReceiptStore;
import io.sealtrail.translog.note.NoteVerifierKey;
import io.sealtrail.trust.crypto.Pem;
import io.sealtrail.trust.crypto.Signer;
import io.sealtrail.trust.crypto.Signers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link SealtrailClient}. Only the URL, a key and the outbox directory are needed;
 * every other setting has a safe default.
 */
public final class ClientBuilder {
  /** The platform's own limit per request is 500. */
  public static final int MAX_BATCH_SIZE = 500;

  /** A day below the platform's default dedup window of 7 days. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(6);

  private final URI url;
  private final List<Signer> signers = new ArrayList<>();
  private Path outbox;
  private int batchSize = 100;
  private RetryPolicy retry = RetryPolicy.DEFAULT;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration requestTimeout = Duration.ofSeconds(60);
  private Duration resendInterval = Duration.ofSeconds(30);
  private Duration maxAge = DEFAULT_MAX_AGE;
  private OutcomeListener listener = OutcomeListener.LOGGING;
  private Retrying.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
  private Clock clock = Clock.systemUTC();
  private NoteVerifierKey logKey;
  private URI logUrl;
  private String logToken;

  ClientBuilder(URI url) {
    this.url = Objects.requireNonNull(url, "url");
  }

  /** Signs with {@code signer}; call again to add a co-signature to every event. */
  public ClientBuilder signer(Signer signer) {
    signers.add(Objects.requireNonNull(signer, "signer"));
    return this;
  }

  /** Signs with the unencrypted PKCS#8 PEM private key in {@code pemFile}. */
  public ClientBuilder key(Path pemFile) throws IOException {
    try {
      return signer(Signers.forKey(Pem.readPrivateKey(Files.readString(pemFile))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(pemFile + ": " + e.getMessage(), e);
    }
  }

  /** The outbox directory (required): one per client process, kept across restarts. */
  public ClientBuilder outbox(Path directory) {
    this.outbox = Objects.requireNonNull(directory, "directory");
    return this;
  }

  /** Envelopes per request, 1 to {@value #MAX_BATCH_SIZE}; default 100. */
  public ClientBuilder batchSize(int batchSize) {
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH_SIZE);
    }
    this.batchSize = batchSize;
    return this;
  }

  /**
   * How a request is retried while the platform is unavailable; default {@link
   * RetryPolicy#DEFAULT}.
   */
  public ClientBuilder retry(RetryPolicy retry) {
    this.retry = Objects.requireNonNull(retry, "retry");
    return this;
  }

  /** Default 10 s. */
  public ClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = positive(timeout, "connectTimeout");
    return this;
  }

  /** How long one request may take, answer included; default 60 s (ingest waits up to 30 s). */
  public ClientBuilder requestTimeout(Duration timeout) {
    this.requestTimeout = positive(timeout, "requestTimeout");
    return this;
  }

  /**
   * How often the background sender retries what waits in the outbox, and how long submits only
   * store after the platform was found unreachable; default 30 s, {@link Duration#ZERO} for no
   * background sender (call {@link SealtrailClient#flush()} yourself).
   */
  public ClientBuilder resendInterval(Duration interval) {
    Objects.requireNonNull(interval, "interval");
    if (interval.isNegative()) {
      throw new IllegalArgumentException("resendInterval may not be negative");
    }
    this.resendInterval = interval;
    return this;
  }

  /**
   * How long an envelope may wait in the outbox and be sent without asking; default 6 days. Keep it
   * below the platform's {@code sealtrail.ingest.dedup-window} (7 days): an older resend of an
   * event the platform accepted would be accepted again. For an older envelope the client first
   * asks the platform whether the event was recorded ({@code GET
   * /v1/partners/{id}/events/{eventId}}, signed with the client's keys): recorded, it is settled as
   * {@link Outcome.Duplicate} unsent; not recorded, it is sent; a platform that cannot answer gets
   * it quarantined ({@link Outcome.Expired}).
   */
  public ClientBuilder maxAge(Duration maxAge) {
    this.maxAge = positive(maxAge, "maxAge");
    return this;
  }

  /** Hears every answer and quarantined file; default {@link OutcomeListener#LOGGING}. */
  public ClientBuilder listener(OutcomeListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * The transparency log's verifier key ({@code <origin>+<keyid>+<base64>}, what {@code GET
   * /v1/log/key} answers; take it from the operator, not from the log you check): needed by {@link
   * SealtrailClient#proofs()}, which verifies every checkpoint with it.
   */
  public ClientBuilder logKey(String verifierKey) {
    this.logKey = NoteVerifierKey.parse(Objects.requireNonNull(verifierKey, "verifierKey"));
    return this;
  }

  /** Where the log's routes answer; default the platform's URL (local mode serves all on one). */
  public ClientBuilder logUrl(URI url) {
    this.logUrl = Objects.requireNonNull(url, "url");
    return this;
  }

  /**
   * The bearer token proofs are read with ({@code /v1/log/proof/*} needs a role that may read the
   * log, e.g. {@code auditor}); none by default.
   */
  public ClientBuilder logToken(String token) {
    this.logToken = Objects.requireNonNull(token, "token");
    return this;
  }

  /** How the client waits between retries; for tests. */
  ClientBuilder sleeper(Retrying.Sleeper sleeper) {
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    return this;
  }

  ClientBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** Opens the outbox (reporting files quarantined there) and starts the background sender. */
  public SealtrailClient build() throws IOException {
    if (signers.isEmpty()) {
      throw new IllegalStateException("a signing key is needed: call signer() or key()");
    }
    if (outbox == null) {
      throw new IllegalStateException("an outbox directory is needed: call outbox()");
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    var retrying =
        new Retrying(
            new EventsApi(url, http, requestTimeout), retry, sleeper, RandomGenerator.getDefault());
    Outbox opened = Outbox.open(outbox);
    opened.quarantinedAtOpen().forEach(listener::quarantined);
    ReceiptStore receipts = ReceiptStore.in(outbox);
    // The platform checks a signed request's time against its own clock: the wall clock, never
    // the clock that ages the outbox's entries.
    var recorded = new RecordedApi(url, http, requestTimeout, signers, Clock.systemUTC());
    var sender =
        new OutboxSender(opened, retrying, batchSize, listener, maxAge, recorded, clock, receipts);
    Proofs proofs =
        logKey == null
            ? null
            : new Proofs(
                receipts, logKey, logUrl == null ? url : logUrl, logToken, http, requestTimeout);
    return new SealtrailClient(signers, opened, sender, resendInterval, clock, receipts, proofs);
  }

  private static Duration positive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return duration;
  }
}
