package io.sealtrail.anomaly.view;

import io.sealtrail.anomaly.alert.AlertRules;
import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Every alert's latest version in memory, as read from the alerts topic by {@link AlertFeed}: what
 * the API lists and filters, and where the event stream and metrics hear of changes.
 */
public final class AlertView {
  /** Newest first: last seen, then id, so that the order is total and stable. */
  public static final Comparator<Alert> NEWEST_FIRST =
      Comparator.comparing(Alert::getLastSeenAt).thenComparing(Alert::getAlertId).reversed();

  /** How often at most the view looks for resolved alerts past their retention. */
  private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

  private final Map<String, Alert> alerts = new ConcurrentHashMap<>();
  private final Duration retention;
  private final Clock clock;
  private volatile Instant swept = Instant.MIN;
  private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean caughtUp = new AtomicBoolean();
  private volatile Supplier<CompletableFuture<Void>> logEnd =
      () -> CompletableFuture.completedFuture(null);

  /** A view that keeps resolved alerts for 30 days. */
  public AlertView() {
    this(AlertRules.DEFAULT_RESOLVED_RETENTION, Clock.systemUTC());
  }

  /**
   * A view that lets a resolved alert go {@code retention} after its resolution (by {@code clock}):
   * it stays on the compacted alerts topic, where {@link AlertArchive} finds it.
   */
  public AlertView(Duration retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
  }

  public void listen(AlertListener listener) {
    listeners.add(listener);
  }

  public void unlisten(AlertListener listener) {
    listeners.remove(listener);
  }

  /** Takes in one published version; listeners hear it after the view holds it. */
  public void accept(Alert alert, boolean live) {
    Alert before = alerts.put(alert.getAlertId(), alert);
    listeners.forEach(l -> l.changed(before, alert, live));
    if (expired(alert, clock.instant())) {
      alerts.remove(alert.getAlertId(), alert);
    }
  }

  /**
   * Lets go of every resolved alert past its retention; cheap to call often (it looks at most once
   * a minute). The feed calls it on every poll.
   */
  public void sweep() {
    Instant now = clock.instant();
    if (now.isBefore(swept.plus(SWEEP_EVERY))) {
      return;
    }
    swept = now;
    alerts.values().removeIf(a -> expired(a, now));
  }

  /** Whether {@code alert} was resolved longer than the retention before {@code now}. */
  public boolean expired(Alert alert, Instant now) {
    if (alert.getStatus() != AlertStatus.RESOLVED) {
      return false;
    }
    Instant resolved =
        alert.getHistory().isEmpty()
            ? alert.getLastSeenAt()
            : alert.getHistory().get(alert.getHistory().size() - 1).getAt();
    return resolved.plus(retention).isBefore(now);
  }

  public Optional<Alert> get(String alertId) {
    return Optional.ofNullable(alerts.get(alertId));
  }

  /**
   * The alert, waiting at most {@code patience} for the view to read up to the log end when it does
   * not know the id: an alert published a moment ago may not have reached the view yet.
   */
  public Optional<Alert> getCaughtUp(String alertId, Duration patience) {
    Optional<Alert> known = get(alertId);
    if (known.isPresent()) {
      return known;
    }
    try {
      logEnd.get().get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Not caught up in time: answer from what the view holds.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return get(alertId);
  }

  /** How {@link #getCaughtUp} waits for the log end; set by the feed that fills this view. */
  void readUpToLogEndWith(Supplier<CompletableFuture<Void>> logEnd) {
    this.logEnd = logEnd;
  }

  /**
   * The alerts {@code query} selects, newest first, at most its limit plus one (for truncation).
   */
  public List<Alert> find(AlertQuery query) {
    return alerts.values().stream()
        .filter(query::matches)
        .sorted(NEWEST_FIRST)
        .limit(query.limit() + 1L)
        .toList();
  }

  /** Every OPEN or ACKNOWLEDGED alert, newest first. */
  public List<Alert> unresolved() {
    return alerts.values().stream()
        .filter(a -> a.getStatus() != AlertStatus.RESOLVED)
        .sorted(NEWEST_FIRST)
        .toList();
  }

  /** Whether the view has read everything published before it started. */
  public boolean caughtUp() {
    return caughtUp.get();
  }

  void markCaughtUp() {
    caughtUp.set(true);
  }
}
