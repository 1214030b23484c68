package io.sealtrail.system.multinode;

import static org.assertj.core.api.Assertions.assertThat;

import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.system.config.DeployFiles;
import io.sealtrail.system.config.TopicDeclaration;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two ingest and two custody-stream instances and one anomaly-service, each its own process
 * configured only by environment, on the topics deploy/ declares: signed events go over HTTP to
 * both ingest instances; while they flow, one custody-stream instance is frozen past its session
 * timeout and resumed (a zombie to fence), and later one instance of each is killed; the survivors
 * take over. Then nothing acknowledged is missing or doubled on custody.events, every serial's
 * state (on custody.state and answered by the surviving query API) is the fold of its events, once,
 * and every violation is on custody.violations once.
 */
final class FailoverScenario implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverScenario.class);
  static final int SERIALS = 24;
  // Few partitions: each is a task with a dozen RocksDB stores per instance on a small machine.
  static final int MAX_PARTITIONS = 2;
  // Longer than the session timeout below (6 s), so that the group evicts a paused instance.
  static final java.time.Duration PAUSED_FOR = java.time.Duration.ofSeconds(10);

  private final Platform platform;
  private final Path work;
  private final Partner partner = new Partner();
  private final DeviceLives lives = new DeviceLives(SERIALS);
  private final IngestClient client = new IngestClient();
  private final List<ServiceProcess> processes = new ArrayList<>();
  private final Path tokens;
  private final StateQueries queries;
  private final InstanceEnv env;

  FailoverScenario(Platform platform, Path work) throws Exception {
    this.platform = platform;
    this.work = work;
    this.tokens = Files.createDirectories(work.resolve("tokens"));
    RoleTokens.ensure(tokens);
    this.queries = new StateQueries(token(Role.RECALL));
    this.env = new InstanceEnv(platform, tokens, work);
  }

  /** Runs the scenario; a failure carries the last lines of every instance's log. */
  void run() throws Exception {
    try {
      steps();
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(e.getMessage() + "\n" + logs(), e);
    }
  }

  private void steps() throws Exception {
    long start = System.nanoTime();
    createDeclaredTopics(platform);
    ServiceProcess ingestA = ingest("ingest-a");
    ServiceProcess ingestB = ingest("ingest-b");
    ServiceProcess custodyA = custody("custody-a");
    ServiceProcess custodyB = custody("custody-b");
    anomaly("anomaly");
    for (ServiceProcess p : processes) {
      p.awaitReady();
    }
    LOG.info("{} instances ready after {} s", processes.size(), seconds(start));
    register(ingestA, ingestB);

    send(0, ingestA, ingestB);
    pausedWhileSending(custodyB, 1, ingestA, ingestB);
    LOG.info(
        "{} paused and resumed; round 1 acknowledged after {} s", custodyB.name(), seconds(start));
    for (String serial : lives.serials()) {
      // Half the serials live on the other instance: the answer is forwarded.
      var viaA = queries.awaitEventCount(custodyA, serial, 2);
      assertThat(queries.awaitEventCount(custodyB, serial, 2)).isEqualTo(viaA);
    }

    LOG.info("two rounds folded, answered through both instances after {} s", seconds(start));
    queries.everySerialKnown();
    CompletableFuture<Void> whileKilled = sendAsync(2, ingestA, ingestB);
    ingestB.kill();
    custodyB.kill();
    whileKilled.join();
    LOG.info(
        "killed {} and {}; round 2 acknowledged after {} s",
        ingestB.name(),
        custodyB.name(),
        seconds(start));
    send(3, ingestA);

    new Invariants(platform, lives).verify(client, custodyA, queries);
    LOG.info("verified after {} s; batches sent again: {}", seconds(start), client.retried());
  }

  /**
   * Sends {@code round} while {@code instance} is frozen for longer than its session timeout, then
   * resumes it. Its group has given its tasks to the other instance by then; resumed, it is a
   * zombie whose open transaction must be fenced (never committed) before it rejoins. The checks
   * that follow (every serial answered by both instances, every record once, every state the fold
   * of its events) would see anything the zombie wrote.
   */
  private void pausedWhileSending(ServiceProcess instance, int round, ServiceProcess... ingest)
      throws Exception {
    CompletableFuture<Void> sending = sendAsync(round, ingest);
    long pausedAt = System.nanoTime();
    instance.pause();
    try {
      sending.join();
      long left = PAUSED_FOR.toNanos() - (System.nanoTime() - pausedAt);
      if (left > 0) {
        // The fault is a duration: the session (6 s) must expire while the process is frozen.
        TimeUnit.NANOSECONDS.sleep(left);
      }
    } finally {
      instance.resume();
    }
  }

  private static long seconds(long since) {
    return java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
  }

  /** Sends round {@code round}: even serials to the first instance, odd ones to the second. */
  private void send(int round, ServiceProcess... ingest) throws InterruptedException {
    try {
      sendAsync(round, ingest).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof AssertionError a) {
        throw a;
      }
      throw e;
    }
  }

  private CompletableFuture<Void> sendAsync(int round, ServiceProcess... ingest) {
    List<URI> targets =
        java.util.Arrays.stream(ingest)
            .map(p -> URI.create("http://localhost:" + p.port()))
            .toList();
    List<CompletableFuture<Void>> batches = new ArrayList<>();
    for (int first = 0; first < targets.size(); first++) {
      int offset = first;
      List<String> envelopes =
          IntStream.range(0, SERIALS)
              .filter(i -> i % targets.size() == offset)
              .mapToObj(i -> partner.envelope(lives.event(i, round)))
              .toList();
      List<URI> order =
          IntStream.range(0, targets.size())
              .mapToObj(i -> targets.get((offset + i) % targets.size()))
              .toList();
      batches.add(CompletableFuture.runAsync(() -> submit(envelopes, order)));
    }
    return CompletableFuture.allOf(batches.toArray(CompletableFuture[]::new));
  }

  private void submit(List<String> envelopes, List<URI> order) {
    try {
      client.submit(envelopes, order);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void register(ServiceProcess via, ServiceProcess other) throws Exception {
    String admin = token(Role.ADMIN);
    assertThat(queries.post(via, "/v1/partners", partner.registration(), admin)).isIn(200, 201);
    // The other instance follows custody.partners; until it has the key it would reject.
    queries.awaitStatus(other, "/v1/partners/" + Partner.ID, admin, 200);
  }

  /**
   * Creates every topic deploy/ declares on {@code platform}, with at most {@link #MAX_PARTITIONS}
   * partitions, replicated as the platform says.
   */
  static void createDeclaredTopics(Platform platform) throws Exception {
    Map<String, TopicDeclaration> declared = TopicDeclaration.fromCompose(DeployFiles.compose());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
      List<NewTopic> topics =
          declared.values().stream()
              .map(
                  t -> {
                    Map<String, String> config = new HashMap<>(t.config());
                    config.put("min.insync.replicas", Integer.toString(platform.minInSync()));
                    return new NewTopic(
                            t.name(),
                            Math.min(t.partitions(), MAX_PARTITIONS),
                            (short) platform.replicationFactor())
                        .configs(config);
                  })
              .toList();
      admin.createTopics(topics).all().get();
    }
  }

  private ServiceProcess ingest(String name) throws Exception {
    return start(name, "ingest-service", env.ingest(name, MAX_PARTITIONS));
  }

  private ServiceProcess custody(String name) throws Exception {
    return start(name, "custody-stream", env.custody(name, "localhost"));
  }

  private ServiceProcess anomaly(String name) throws Exception {
    return start(name, "anomaly-service", env.anomaly(name));
  }

  private ServiceProcess start(String name, String module, Map<String, String> env)
      throws Exception {
    int port = ServiceProcess.freePort();
    env.put("SEALTRAIL_HTTP_PORT", Integer.toString(port));
    // Every instance runs on this one host: each needs its own metrics port, not the default.
    env.put("SEALTRAIL_MANAGEMENT_PORT", Integer.toString(ServiceProcess.freePort()));
    ServiceProcess process = ServiceProcess.start(name, module, env, port, work);
    processes.add(process);
    return process;
  }

  private String token(Role role) throws java.io.IOException {
    return Files.readString(tokens.resolve(role.fileName())).strip();
  }

  private String logs() {
    return processes.stream()
        .map(p -> "--- " + p.name() + "\n" + p.logTail())
        .collect(Collectors.joining("\n"));
  }

  /** Stops every instance, all at once: each takes seconds to leave its group. */
  @Override
  public void close() {
    processes.forEach(ServiceProcess::terminate);
    processes.forEach(ServiceProcess::close);
  }
}
