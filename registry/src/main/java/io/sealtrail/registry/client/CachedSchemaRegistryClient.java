package io.sealtrail.registry.client;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;

/**
 * Caches what serializers ask on every record: ids by (subject, schema content), schemas by id and
 * GUID (immutable, kept until evicted) and the latest version per subject for a TTL, dropped when
 * this client registers under that subject (pitfall P3). Admin calls pass through.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {
  private record SubjectSchema(String subject, String schema) {}

  private record Expiring(SchemaVersion version, Instant expires) {}

  private final SchemaRegistryClient delegate;
  private final Duration latestTtl;
  private final Clock clock;
  private final BoundedCache<SubjectSchema, Integer> registered;
  private final BoundedCache<SubjectSchema, SchemaVersion> lookedUp;
  private final BoundedCache<Integer, Schema> byId;
  private final BoundedCache<UUID, Schema> byGuid;
  private final BoundedCache<String, Expiring> latest;

  public CachedSchemaRegistryClient(
      SchemaRegistryClient delegate, int capacity, Duration latestTtl, Clock clock) {
    this.delegate = delegate;
    this.latestTtl = latestTtl;
    this.clock = clock;
    this.registered = new BoundedCache<>(capacity);
    this.lookedUp = new BoundedCache<>(capacity);
    this.byId = new BoundedCache<>(capacity);
    this.byGuid = new BoundedCache<>(capacity);
    this.latest = new BoundedCache<>(capacity);
  }

  @Override
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema.toString());
    return registered.get(
        key,
        () -> {
          latest.remove(subject);
          return delegate.register(subject, schema);
        });
  }

  @Override
  public SchemaVersion lookup(String subject, Schema schema) {
    return lookedUp.get(
        new SubjectSchema(subject, schema.toString()), () -> delegate.lookup(subject, schema));
  }

  @Override
  public Schema schemaById(int id) {
    return byId.get(id, () -> delegate.schemaById(id));
  }

  @Override
  public Schema schemaByGuid(UUID guid) {
    return byGuid.get(guid, () -> delegate.schemaByGuid(guid));
  }

  @Override
  public SchemaVersion latest(String subject) {
    Instant now = clock.instant();
    Optional<Expiring> cached = latest.peek(subject).filter(e -> e.expires().isAfter(now));
    if (cached.isPresent()) {
      return cached.get().version();
    }
    latest.remove(subject);
    return latest.get(subject, () -> new Expiring(delegate.latest(subject), expiry(now))).version();
  }

  /** A negative TTL (Confluent's -1) keeps the latest version until this client registers. */
  private Instant expiry(Instant now) {
    return latestTtl.isNegative() ? Instant.MAX : now.plus(latestTtl);
  }

  @Override
  public SchemaVersion version(String subject, int version) {
    return delegate.version(subject, version);
  }

  @Override
  public List<String> subjects() {
    return delegate.subjects();
  }

  @Override
  public List<Integer> versions(String subject) {
    return delegate.versions(subject);
  }

  @Override
  public boolean isCompatible(String subject, Schema schema) {
    return delegate.isCompatible(subject, schema);
  }

  @Override
  public CompatibilityLevel compatibility(Optional<String> subject) {
    return delegate.compatibility(subject);
  }

  @Override
  public void updateCompatibility(Optional<String> subject, CompatibilityLevel level) {
    delegate.updateCompatibility(subject, level);
  }

  @Override
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    latest.remove(subject);
    return delegate.deleteSubject(subject, permanent);
  }
}
