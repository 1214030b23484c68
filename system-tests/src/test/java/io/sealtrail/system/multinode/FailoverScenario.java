package io.sealtrail.system.multinode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.system.config.DeployFiles;
import io.sealtrail.system.config.TopicDeclaration;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two instances each of ingest, custody-stream and anomaly-service, each its own process configured
 * only by environment, on the topics deploy/ declares: signed events go over HTTP to both ingest
 * instances; while they flow, one ingest and one custody-stream instance are frozen past their
 * session timeout and resumed (zombies to fence), later one instance of each service is killed
 * (SIGKILL), and then the broker leading custody.events-0 is stopped for good; the survivors take
 * over. Both anomaly instances answer the spike charts alike (forwarding), the survivor too. Then
 * the {@link Invariants} hold: nothing acknowledged is missing or doubled on custody.events, every
 * serial's state is the fold of its events, every violation is on custody.violations once and every
 * incident has one alert.
 */
final class FailoverScenario implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FailoverScenario.class);
  static final int SERIALS = 24;
  // Few partitions: each is a task with a dozen RocksDB stores per instance on a small machine.
  static final int MAX_PARTITIONS = 2;
  // Longer than the session timeout below (6 s), so that the group evicts a paused instance.
  static final java.time.Duration PAUSED_FOR = java.time.Duration.ofSeconds(10);
  private static final String COHORTS = "/v1/spikes/rejection/cohorts";

  private final Platform platform;
  private final Path work;
  private final Partner partner = new Partner();
  private final DeviceLives lives = new DeviceLives(SERIALS);
  private final IngestClient client = new IngestClient();
  private final List<ServiceProcess> processes = new ArrayList<>();
  private final Path tokens;
  private final StateQueries queries;
  private final InstanceEnv env;
  private final Forged forged = new Forged();
  private final IntConsumer stopBroker;

  /**
   * On {@code platform} (a single broker: no broker is stopped), state and logs under {@code work}.
   */
  FailoverScenario(Platform platform, Path work) throws Exception {
    this(platform, work, null);
  }

  /**
   * On {@code platform}, writing state and logs under {@code work}; {@code stopBroker} stops the
   * broker of the id it is given for good.
   */
  FailoverScenario(Platform platform, Path work, IntConsumer stopBroker) throws Exception {
    this.stopBroker = stopBroker;
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
    ServiceProcess anomalyA = anomaly("anomaly-a");
    ServiceProcess anomalyB = anomaly("anomaly-b");
    for (ServiceProcess p : processes) {
      p.awaitReady();
    }
    LOG.info("{} instances ready after {} s", processes.size(), seconds(start));
    register(ingestA, ingestB);

    // Rejections make rejection-spike cohorts (partner, key, site) for the charts; their short
    // windows close while the rounds below flow.
    assertThat(client.submitRejected(forged.envelopes(), List.of(uri(ingestA), uri(ingestB))))
        .isEqualTo(Forged.COUNT);
    send(0, ingestA, ingestB);
    pausedWhileSending(1, List.of(custodyB, ingestB), ingestA, ingestB);
    LOG.info(
        "{} and {} paused and resumed; round 1 acknowledged after {} s",
        custodyB.name(),
        ingestB.name(),
        seconds(start));
    for (String serial : lives.serials()) {
      // Half the serials live on the other instance: the answer is forwarded.
      var viaA = queries.awaitEventCount(custodyA, serial, 2);
      assertThat(queries.awaitEventCount(custodyB, serial, 2)).isEqualTo(viaA);
    }
    Map<String, JsonNode> charts = chartsAnsweredAlikeBy(anomalyA, anomalyB);
    LOG.info(
        "two rounds folded, serials and {} charts answered through both instances after {} s",
        charts.size(),
        seconds(start));

    queries.everySerialKnown();
    CompletableFuture<Void> whileKilled = sendAsync(2, ingestA, ingestB);
    ingestB.kill();
    custodyB.kill();
    anomalyB.kill();
    await(whileKilled);
    LOG.info(
        "killed {}, {} and {}; round 2 acknowledged after {} s",
        ingestB.name(),
        custodyB.name(),
        anomalyB.name(),
        seconds(start));
    // The leader of the partition everything is written to (and, with two partitions on three
    // brokers, of coordinators too), stopped as round 3 is sent while custody-a still takes over
    // custody-b's tasks: its followers elect a leader while ingest and the streams write; min ISR
    // 2 of the 2 left still accepts the writes.
    int leader = stopBroker == null ? -1 : leaderOf("custody.events", 0);
    CompletableFuture<Void> whileBrokerLost = sendAsync(3, ingestA);
    if (stopBroker != null) {
      stopBroker.accept(leader);
      LOG.info("stopped broker {}, the leader of custody.events-0", leader);
    }
    await(whileBrokerLost);
    LOG.info("round 3 acknowledged after {} s", seconds(start));

    assertSameCharts(anomalyA, charts);
    new Invariants(platform, lives).verify(client, custodyA, queries);
    LOG.info("verified after {} s; batches sent again: {}", seconds(start), client.retried());
  }

  /**
   * Sends {@code round} while {@code frozen} are frozen for longer than their session timeout, then
   * resumes them. Their groups have given their tasks and partitions to the other instances by
   * then; resumed, each is a zombie whose open transaction must be fenced (never committed) before
   * it rejoins, and a paused ingest instance answers the request it held only once resumed. The
   * checks that follow (every serial answered by both instances, every record once where ingest
   * said, every state the fold of its events) would see anything a zombie wrote.
   */
  private void pausedWhileSending(int round, List<ServiceProcess> frozen, ServiceProcess... ingest)
      throws Exception {
    CompletableFuture<Void> sending = sendAsync(round, ingest);
    long pausedAt = System.nanoTime();
    List<ServiceProcess> paused = new ArrayList<>();
    try {
      for (ServiceProcess instance : frozen) {
        instance.pause();
        paused.add(instance);
      }
      long left = PAUSED_FOR.toNanos() - (System.nanoTime() - pausedAt);
      if (left > 0) {
        // The fault is a duration: the sessions (6 s) must expire while the processes are frozen.
        TimeUnit.NANOSECONDS.sleep(left);
      }
    } finally {
      for (ServiceProcess instance : paused) {
        instance.resume();
      }
    }
    await(sending);
  }

  /**
   * The rejection-spike charts (the cohort list and each cohort's series), once the forged
   * rejections' cohorts are listed, answered alike by both anomaly instances: each holds some
   * cohorts and forwards the rest, and merges the other's part into the list.
   */
  private Map<String, JsonNode> chartsAnsweredAlikeBy(ServiceProcess a, ServiceProcess b)
      throws Exception {
    String secops = token(Role.SECOPS);
    Map<String, JsonNode> charts = new TreeMap<>();
    JsonNode cohorts;
    do {
      cohorts = queries.awaitAnswer(a, COHORTS, secops, Forged::listed, "forged cohorts");
      // A cohort whose window closed between the two reads: read both again.
    } while (!queries
        .awaitAnswer(b, COHORTS, secops, Forged::listed, "forged cohorts")
        .equals(cohorts));
    charts.put(COHORTS, cohorts);
    for (JsonNode cohort : cohorts.get("cohorts")) {
      String series = cohort.get("series").asText();
      JsonNode viaA = queries.awaitAnswer(a, series, secops, j -> true, series);
      assertThat(queries.awaitAnswer(b, series, secops, j -> true, series))
          .as(series)
          .isEqualTo(viaA);
      charts.put(series, viaA);
    }
    return charts;
  }

  /** After the other anomaly instance was killed, {@code survivor} answers the same charts. */
  private void assertSameCharts(ServiceProcess survivor, Map<String, JsonNode> charts)
      throws Exception {
    String secops = token(Role.SECOPS);
    for (var chart : charts.entrySet()) {
      // The list may have gained a cohort whose window closed since; it keeps every one it had.
      Predicate<JsonNode> same =
          chart.getKey().equals(COHORTS)
              ? answer -> containsAll(answer.get("cohorts"), chart.getValue().get("cohorts"))
              : answer -> answer.equals(chart.getValue());
      queries.awaitAnswer(
          survivor, chart.getKey(), secops, same, chart.getKey() + " as before the kill");
    }
  }

  private static boolean containsAll(JsonNode list, JsonNode elements) {
    Set<JsonNode> all = new HashSet<>();
    list.forEach(all::add);
    for (JsonNode e : elements) {
      if (!all.contains(e)) {
        return false;
      }
    }
    return true;
  }

  private static void await(CompletableFuture<Void> sending) {
    try {
      sending.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof AssertionError a) {
        throw a;
      }
      throw e;
    }
  }

  private int leaderOf(String topic, int partition) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", platform.bootstrapServers()))) {
      return admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get()
          .get(topic)
          .partitions()
          .get(partition)
          .leader()
          .id();
    }
  }

  private static long seconds(long since) {
    return java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
  }

  /** Sends round {@code round}: even serials to the first instance, odd ones to the second. */
  private void send(int round, ServiceProcess... ingest) {
    await(sendAsync(round, ingest));
  }

  private static URI uri(ServiceProcess instance) {
    return URI.create("http://" + instance.host() + ":" + instance.port());
  }

  private CompletableFuture<Void> sendAsync(int round, ServiceProcess... ingest) {
    List<URI> targets = java.util.Arrays.stream(ingest).map(FailoverScenario::uri).toList();
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
    return start(name, "anomaly-service", env.anomaly(name, "localhost"));
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
