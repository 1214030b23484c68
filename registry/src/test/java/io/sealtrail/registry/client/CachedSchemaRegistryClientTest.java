package io.sealtrail.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The latest-version cache: a TTL, dropped by this client's own registrations (pitfall P3). */
class CachedSchemaRegistryClientTest {
  private static final Instant T0 = Instant.parse("2026-11-21T05:00:00Z");
  private final SchemaRegistryCore core = SchemaRegistryCore.inMemory(CompatibilityLevel.NONE);
  private final SchemaRegistryClient other = new LocalSchemaRegistryClient(core);

  @Test
  void shouldServeCachedLatestUntilTtlExpires() {
    other.register("s", Schema.create(Schema.Type.STRING));
    MutableClock clock = new MutableClock(T0);
    SchemaRegistryClient cached =
        new CachedSchemaRegistryClient(other, 10, Duration.ofSeconds(60), clock);
    cached.latest("s");
    other.register("s", Schema.create(Schema.Type.LONG));

    int beforeTtl = cached.latest("s").version();
    clock.now = T0.plusSeconds(61);
    int afterTtl = cached.latest("s").version();

    assertThat(beforeTtl).isEqualTo(1);
    assertThat(afterTtl).isEqualTo(2);
  }

  @Test
  void shouldDropCachedLatestWhenThisClientRegisters() {
    other.register("s", Schema.create(Schema.Type.STRING));
    SchemaRegistryClient cached =
        new CachedSchemaRegistryClient(other, 10, Duration.ofSeconds(-1), new MutableClock(T0));
    cached.latest("s");

    cached.register("s", Schema.create(Schema.Type.LONG));

    assertThat(cached.latest("s").version()).isEqualTo(2);
  }

  /** A clock tests move by hand. */
  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
