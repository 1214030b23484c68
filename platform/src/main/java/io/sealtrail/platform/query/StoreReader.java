package io.sealtrail.platform.query;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers a read where its key lives: locally when this instance owns it, otherwise by forwarding
 * the request once to the owner. A store that is migrating is unavailable, never "not found".
 */
public final class StoreReader {
  private final StoreAccess access;
  private final Forwarder forwarder;

  public StoreReader(StoreAccess access, Forwarder forwarder) {
    this.access = access;
    this.forwarder = forwarder;
  }

  /** The answer to {@code request} for {@code key} of {@code store}, from {@code local} if ours. */
  public HttpResponse<?> answer(
      HttpRequest<?> request, String store, String key, Supplier<HttpResponse<?>> local) {
    Optional<HostInfo> owner = access.remoteOwner(store, key);
    if (owner.isEmpty()) {
      return readLocally(store, local);
    }
    if (forwarded(request)) {
      // The sender thought we own the key: ownership is moving; the client retries, not us.
      throw new StoreUnavailableException(key + " is moving between instances");
    }
    return relay(forwarder.relay(owner.get(), pathAndQuery(request), request));
  }

  /** This instance's copy of {@code store}; only valid inside {@code answer}'s local branch. */
  public <V> ReadOnlyKeyValueStore<String, V> local(String store) {
    return access.local(store);
  }

  /** Where {@code key} of {@code store} lives: empty for here, else the owning instance. */
  public Optional<HostInfo> remoteOwner(String store, String key) {
    return access.remoteOwner(store, key);
  }

  /**
   * Reads of many keys of {@code store} for one answer (a trace): where each lives, and its value
   * when here, resolved per store partition where the access can.
   */
  public <V> KeyedReads<V> keyedReads(String store) {
    return access.keyedReads(store);
  }

  /** The other instances holding a part of {@code store}; empty when this one is alone. */
  public Set<HostInfo> otherHosts(String store) {
    return access.otherHosts(store);
  }

  /** Whether {@code request} was forwarded by another instance (it must not be sent on). */
  public static boolean forwarded(HttpRequest<?> request) {
    return request.getHeaders().contains(Forwarder.FORWARDED);
  }

  /** The forwarder this reader uses, for reads made on behalf of another answer. */
  public Forwarder forwarder() {
    return forwarder;
  }

  /**
   * {@code read} of this instance's {@code store}, a 503 if the store moves away meanwhile: Kafka
   * Streams throws when a partition's store closes under an open read (an iterator too).
   */
  public static <T> T readLocally(String store, Supplier<T> read) {
    try {
      return read.get();
    } catch (InvalidStateStoreException e) {
      // The store moved away while we read it.
      throw new StoreUnavailableException(store + " is migrating: " + e.getMessage(), e);
    }
  }

  private static String pathAndQuery(HttpRequest<?> request) {
    String raw = request.getUri().getRawQuery();
    return request.getUri().getRawPath() + (raw == null ? "" : "?" + raw);
  }

  private static HttpResponse<?> relay(Forwarder.Answer answer) {
    MutableHttpResponse<byte[]> response =
        HttpResponse.<byte[]>status(HttpStatus.valueOf(answer.status())).body(answer.body());
    if (answer.contentType() != null) {
      response.contentType(answer.contentType());
    }
    if (answer.retryAfter() != null) {
      response.header("Retry-After", answer.retryAfter());
    }
    return response;
  }
}
