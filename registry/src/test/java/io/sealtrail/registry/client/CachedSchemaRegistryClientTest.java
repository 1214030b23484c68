package io.sealtrail.registry.client;

import static io.sealtrail.registry.testing.CountingClient.counting;
import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.core.SchemaRegistryCore;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

  @Test
  void shouldDropLatestCachedByConcurrentReadWhileRegistering() {
    other.register("s", Schema.create(Schema.Type.STRING));
    CachedSchemaRegistryClient[] cached = new CachedSchemaRegistryClient[1];
    SchemaRegistryClient racing =
        (SchemaRegistryClient)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("register")) {
                    cached[0].latest("s"); // another thread reads the latest mid-register
                  }
                  return method.invoke(other, args);
                });
    cached[0] =
        new CachedSchemaRegistryClient(racing, 10, Duration.ofSeconds(-1), new MutableClock(T0));

    cached[0].register("s", Schema.create(Schema.Type.LONG));

    assertThat(cached[0].latest("s").version()).isEqualTo(2);
  }

  @Test
  void shouldAskRegistryOnceWhenSameSchemaInstanceIsRegisteredAndLookedUpAgain() {
    List<String> calls = new CopyOnWriteArrayList<>();
    SchemaRegistryClient cached =
        new CachedSchemaRegistryClient(
            counting(other, calls), 10, Duration.ofSeconds(60), new MutableClock(T0));
    Schema schema = Schema.create(Schema.Type.STRING);

    int first = cached.register("s", schema);
    int second = cached.register("s", schema);
    cached.lookup("s", schema);
    cached.lookup("s", schema);

    assertThat(second).isEqualTo(first);
    assertThat(calls).containsExactly("register", "lookup");
  }

  @Test
  void shouldRegisterSeparatelyWhenSchemasDifferOnlyInDoc() {
    SchemaRegistryClient cached =
        new CachedSchemaRegistryClient(other, 10, Duration.ofSeconds(60), new MutableClock(T0));
    String record = "{\"type\":\"record\",\"name\":\"r\",\"doc\":\"%s\",\"fields\":[]}";

    int first = cached.register("s", new Schema.Parser().parse(record.formatted("one")));
    int second = cached.register("s", new Schema.Parser().parse(record.formatted("two")));

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void shouldAskRegistryAgainWhenRegisteringAfterPermanentSubjectDelete() {
    List<String> calls = new CopyOnWriteArrayList<>();
    SchemaRegistryClient cached =
        new CachedSchemaRegistryClient(
            counting(other, calls), 10, Duration.ofSeconds(60), new MutableClock(T0));
    Schema schema = Schema.create(Schema.Type.STRING);
    cached.register("s", schema);
    cached.deleteSubject("s", false);
    cached.deleteSubject("s", true);

    cached.register("s", schema);

    assertThat(calls).containsExactly("register", "deleteSubject", "deleteSubject", "register");
    assertThat(other.versions("s")).containsExactly(1);
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
