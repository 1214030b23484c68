package io.sealtrail.system.multinode;

import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.registry.core.CompatibilityLevel;
import io.sealtrail.registry.server.SchemaRegistryServer;
import io.sealtrail.registry.server.SchemaRegistryServerConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;

/**
 * {@code bin/faults}: real network cuts. Three Kafka nodes (KRaft, every topic replicated three
 * times, writes acknowledged by two), two ingest, two custody-stream and one anomaly-service
 * instance, each a process in a network namespace of its own ({@link Netns}); the schema registry
 * and this driver in the root namespace. While a steady load flows ({@link SteadyLoad}), the node
 * leading custody.events-0 is cut off and healed, then an ingest instance, then a custody-stream
 * instance. Then the invariants of the multi-node suite ({@link Invariants}) are checked, and the
 * latency of acknowledgements and each instance's readiness per phase are reported. Exit code 0
 * when every invariant held, 1 when one failed, 2 when the platform could not be set up.
 *
 * <p>Arguments: {@code --work DIR --phase-seconds N --rate EVENTS_PER_S --prefix NAME --subnet
 * A.B.C}.
 */
public final class NetworkFaults {
  private static final int HTTP_PORT = 15180;
  private static final int MANAGEMENT_PORT = 15188;
  private static final Instant START = Instant.now();
  private static final Duration READY_WITHIN = Duration.ofMinutes(5);

  private final Path work;
  private final Duration phaseLength;
  private final double rate;
  private final String prefix;
  private final String subnet;
  private volatile String phase = "start";
  private final List<String> phases = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private NetworkFaults(Map<String, String> args) throws Exception {
    this.work =
        Files.createDirectories(
                Path.of(args.getOrDefault("--work", "target/faults/run-" + START.getEpochSecond())))
            .toAbsolutePath();
    this.phaseLength =
        Duration.ofSeconds(Long.parseLong(args.getOrDefault("--phase-seconds", "40")));
    this.rate = Double.parseDouble(args.getOrDefault("--rate", "10"));
    this.prefix = args.getOrDefault("--prefix", "st5");
    this.subnet = args.getOrDefault("--subnet", "10.55.0");
  }

  public static void main(String[] argv) {
    Map<String, String> args = new LinkedHashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      args.put(argv[i], argv[i + 1]);
    }
    int exit;
    try {
      exit = new NetworkFaults(args).run();
    } catch (Exception | AssertionError e) {
      // Failures of the checks are caught where they are made: this is the set-up failing.
      say("could not run the scenario: %s", e);
      e.printStackTrace();
      exit = 2;
    }
    System.exit(exit);
  }

  static void say(String format, Object... args) {
    long s = Duration.between(START, Instant.now()).toSeconds();
    System.err.printf(
        Locale.ROOT,
        "[faults %3d:%02d] %s%n",
        s / 60,
        s % 60,
        String.format(Locale.ROOT, format, args));
  }

  private int run() throws Exception {
    say("work directory %s; phases of %d s; %.0f events/s", work, phaseLength.toSeconds(), rate);
    // The network first, so that it goes last: every process and client on it is closed before.
    try (Teardown open = new Teardown(text -> say("%s", text))) {
      Netns net = open.add(new Netns(prefix, subnet));
      return scenario(net, open);
    }
  }

  private int scenario(Netns net, Teardown open) throws Exception {
    List<String> brokerAddresses = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      brokerAddresses.add(net.add("kafka-" + id, 10 + id));
    }
    Map<String, Integer> hosts =
        Map.of("ingest-a", 21, "ingest-b", 22, "custody-a", 31, "custody-b", 32, "anomaly", 41);
    for (var host : new java.util.TreeMap<>(hosts).entrySet()) {
      net.add(host.getKey(), host.getValue());
    }
    String clusterId = Uuid.randomUuid().toString();
    List<KafkaNode> nodes = new ArrayList<>();
    for (int id = 1; id <= 3; id++) {
      KafkaNode node =
          KafkaNode.start(id, brokerAddresses, clusterId, net.launcher("kafka-" + id), work);
      nodes.add(node);
      open.add(node);
    }
    String bootstrap = nodes.stream().map(KafkaNode::bootstrap).collect(Collectors.joining(","));
    say("3 Kafka nodes starting (%s); logs in %s/kafka-*/kafka.log", bootstrap, work);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      awaitBrokers(admin, nodes);
      var registry =
          SchemaRegistryServer.start(
              new SchemaRegistryServerConfig(
                  bootstrap, net.hostAddress(), 0, "_schemas", CompatibilityLevel.BACKWARD));
      open.add(registry);
      Platform platform = new Platform(bootstrap, registry.url(), 3);
      FailoverScenario.createDeclaredTopics(platform);
      say("cluster up, registry at %s, declared topics created (RF 3, min ISR 2)", registry.url());
      Path tokens = Files.createDirectories(work.resolve("tokens"));
      RoleTokens.ensure(tokens);
      var env = new InstanceEnv(platform, tokens, work);
      var supervisor = new Supervisor(work, this::note);
      open.add(supervisor);
      Map<String, ServiceProcess> instances = new LinkedHashMap<>();
      int partitions = FailoverScenario.MAX_PARTITIONS;
      instances.put(
          "ingest-a",
          start(supervisor, net, "ingest-a", "ingest-service", env.ingest("ingest-a", partitions)));
      instances.put(
          "ingest-b",
          start(supervisor, net, "ingest-b", "ingest-service", env.ingest("ingest-b", partitions)));
      instances.put(
          "custody-a",
          start(
              supervisor,
              net,
              "custody-a",
              "custody-stream",
              env.custody("custody-a", net.address("custody-a"))));
      instances.put(
          "custody-b",
          start(
              supervisor,
              net,
              "custody-b",
              "custody-stream",
              env.custody("custody-b", net.address("custody-b"))));
      instances.put(
          "anomaly",
          start(
              supervisor,
              net,
              "anomaly",
              "anomaly-service",
              env.anomaly("anomaly", net.address("anomaly"))));
      awaitReady(instances.values());
      say("5 instances ready");
      supervisor.watch();
      String admin1 = Files.readString(tokens.resolve(Role.ADMIN.fileName())).strip();
      var queries =
          new StateQueries(Files.readString(tokens.resolve(Role.RECALL.fileName())).strip());
      var partner = new Partner();
      int status =
          queries.post(instances.get("ingest-a"), "/v1/partners", partner.registration(), admin1);
      if (status != 200 && status != 201) {
        throw new IllegalStateException("registering the partner was answered " + status);
      }
      queries.awaitStatus(instances.get("ingest-b"), "/v1/partners/" + Partner.ID, admin1, 200);
      return faults(net, admin, platform, instances, supervisor, partner, queries, nodes);
    }
  }

  private int faults(
      Netns net,
      Admin admin,
      Platform platform,
      Map<String, ServiceProcess> instances,
      Supervisor supervisor,
      Partner partner,
      StateQueries queries,
      List<KafkaNode> nodes)
      throws Exception {
    Map<String, List<String>> probes = new LinkedHashMap<>();
    instances
        .keySet()
        .forEach(n -> probes.put(n, ReadinessWatch.probe(net.launcher(n), HTTP_PORT)));
    // More than seven phases and the warm-up can send: the load is finished after the last.
    double seconds = phaseLength.toSeconds() * 20.0;
    var planned = new DeviceLives(SteadyLoad.serialsFor(seconds, rate));
    var client = new IngestClient();
    List<URI> ingest = List.of(uri(instances.get("ingest-a")), uri(instances.get("ingest-b")));
    var load = new SteadyLoad(planned, partner, client, ingest, rate, () -> phase);
    int exit;
    try (var readiness = new ReadinessWatch(probes, () -> phase, s -> say("%s", s))) {
      enter("warm-up");
      load.start();
      warmUp(load);
      enter("before");
      hold(load);
      String leader = "kafka-" + leaderOf(admin, "custody.events", 0);
      enter("broker cut");
      note("cut %s, the leader of custody.events-0", leader);
      net.cut(leader);
      hold(load);
      enter("broker healed");
      net.heal(leader);
      note("healed %s", leader);
      hold(load);
      enter("ingest cut");
      net.cut("ingest-b");
      note("cut ingest-b");
      hold(load);
      enter("ingest healed");
      net.heal("ingest-b");
      note("healed ingest-b");
      hold(load);
      enter("custody cut");
      net.cut("custody-b");
      note("cut custody-b");
      hold(load);
      enter("custody healed");
      net.heal("custody-b");
      note("healed custody-b");
      hold(load);
      enter("after");
      load.finish();
      // The serials sent in full: the first ones, named as in the planned lives.
      var lives = new DeviceLives(load.serialsSent());
      String verdict;
      try {
        load.await(TimeUnit.MINUTES.toMillis(10));
        say(
            "all %d events acknowledged (%d batches sent again); checking the invariants ...",
            lives.serials().size() * DeviceLives.ROUNDS, client.retried().size());
        new Invariants(platform, lives).verify(client, supervisor.current("custody-a"), queries);
        verdict = "every invariant held";
        exit = 0;
      } catch (AssertionError e) {
        verdict = "INVARIANT FAILED: " + e.getMessage();
        exit = 1;
      }
      say("%s", verdict);
      String report = report(load, readiness, lives, client, verdict, nodes);
      Files.writeString(work.resolve("report.md"), report);
      System.out.println(report);
      say("report in %s", work.resolve("report.md"));
    } finally {
      load.stop();
    }
    return exit;
  }

  private void enter(String next) {
    phase = next;
    phases.add(next);
    say("== %s", next);
  }

  private void note(String format, Object... args) {
    note(String.format(Locale.ROOT, format, args));
  }

  private void note(String line) {
    notes.add(phase + ": " + line);
    say("%s", line);
  }

  /**
   * Lets the load's first waves through (the services' first requests, schema registrations and
   * transactions are slow), for at most two phase lengths, so that "before" measures a warm
   * platform.
   */
  private void warmUp(SteadyLoad load) throws InterruptedException {
    long end = System.nanoTime() + 2 * phaseLength.toNanos();
    int batches = SteadyLoad.LANES * DeviceLives.ROUNDS;
    while (load.acknowledgedBatches() < batches && System.nanoTime() < end) {
      Thread.sleep(500);
    }
    say("  warm-up: %d batches acknowledged", load.acknowledgedBatches());
  }

  /** Lets the phase last its length, saying every 10 s how far the load is. */
  private void hold(SteadyLoad load) throws InterruptedException {
    long end = System.nanoTime() + phaseLength.toNanos();
    while (System.nanoTime() < end) {
      Thread.sleep(Math.min(10_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
      var acks = load.byPhase().getOrDefault(phase, List.of());
      say(
          "  %s: %d batches acknowledged in this phase, p99 %s",
          phase, acks.size(), acks.isEmpty() ? "-" : ms(percentile(acks, 0.99)));
    }
  }

  /**
   * Waits up to {@link #READY_WITHIN} for every instance to be ready (five JVMs and three brokers
   * starting at once on a shared machine take longer than the suite's 90 s), then once more through
   * {@link ServiceProcess#awaitReady()}, which fails naming the log of one that is not.
   */
  private static void awaitReady(java.util.Collection<ServiceProcess> instances)
      throws InterruptedException {
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    for (ServiceProcess instance : instances) {
      while (instance.readiness() != 200 && System.nanoTime() < deadline) {
        Thread.sleep(1000);
      }
      instance.awaitReady();
    }
  }

  private static int leaderOf(Admin admin, String topic, int partition) throws Exception {
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .get(partition)
        .leader()
        .id();
  }

  private static void awaitBrokers(Admin admin, List<KafkaNode> nodes) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (true) {
      try {
        int count = admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        if (count == nodes.size()) {
          return;
        }
      } catch (Exception e) {
        // not up yet
      }
      for (KafkaNode node : nodes) {
        if (!node.alive()) {
          throw new IllegalStateException("kafka-" + node.id() + " exited; see " + node.log());
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the Kafka nodes did not form a cluster within 3 minutes");
      }
      Thread.sleep(1000);
    }
  }

  private static ServiceProcess start(
      Supervisor supervisor, Netns net, String name, String module, Map<String, String> env)
      throws Exception {
    env.put("SEALTRAIL_HTTP_PORT", Integer.toString(HTTP_PORT));
    env.put("SEALTRAIL_MANAGEMENT_PORT", Integer.toString(MANAGEMENT_PORT));
    return supervisor.start(name, module, env, net.launcher(name), net.address(name), HTTP_PORT);
  }

  private static URI uri(ServiceProcess instance) {
    return URI.create("http://" + instance.host() + ":" + instance.port());
  }

  private String report(
      SteadyLoad load,
      ReadinessWatch readiness,
      DeviceLives lives,
      IngestClient client,
      String verdict,
      List<KafkaNode> nodes) {
    var text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "bin/faults: %d events at %.0f events/s (batches of %d), phases of %d s, %s%n%n",
            lives.serials().size() * DeviceLives.ROUNDS,
            rate,
            SteadyLoad.SERIALS_PER_BATCH,
            phaseLength.toSeconds(),
            Instant.now()));
    notes.forEach(n -> text.append("- ").append(n).append('\n'));
    text.append("- batches sent again to the other ingest instance: ")
        .append(client.retried().size())
        .append('\n');
    text.append(
        "\nBatches by the phase they were sent in; their acknowledgement latency (ms) from when"
            + " they were due (a backlog counts), and from when they were sent (the request, with"
            + " its retries to the other instance):\n\n");
    text.append("| phase | batches | p50 | p99 | max | sent→ack p50 | p99 | ");
    readiness.instances().forEach(i -> text.append(i).append(" | "));
    text.append("\n|---|---:|---:|---:|---:|---:|---:|");
    readiness.instances().forEach(i -> text.append("---|"));
    text.append('\n');
    Map<String, List<SteadyLoad.Ack>> byPhase = load.byPhase();
    for (String p : phases) {
      var acks = byPhase.getOrDefault(p, List.of());
      text.append("| ").append(p).append(" | ").append(acks.size()).append(" | ");
      if (acks.isEmpty()) {
        text.append("- | - | - | - | - | ");
      } else {
        text.append(ms(percentile(acks, 0.5, SteadyLoad.Ack::latencyMs))).append(" | ");
        text.append(ms(percentile(acks, 0.99, SteadyLoad.Ack::latencyMs))).append(" | ");
        text.append(ms(percentile(acks, 1.0, SteadyLoad.Ack::latencyMs))).append(" | ");
        text.append(ms(percentile(acks, 0.5, SteadyLoad.Ack::serviceMs))).append(" | ");
        text.append(ms(percentile(acks, 0.99, SteadyLoad.Ack::serviceMs))).append(" | ");
      }
      readiness.instances().forEach(i -> text.append(readiness.of(p, i)).append(" | "));
      text.append('\n');
    }
    text.append(
        "\nReadiness: the instance's own /health/readiness, probed once a second inside its"
            + " namespace; a→b lists the answers in order (none: no answer within 3 s).\n");
    text.append("\nResult: ").append(verdict).append('\n');
    return text.toString();
  }

  private static double percentile(List<SteadyLoad.Ack> acks, double q) {
    return percentile(acks, q, SteadyLoad.Ack::latencyMs);
  }

  private static double percentile(
      List<SteadyLoad.Ack> acks,
      double q,
      java.util.function.ToDoubleFunction<SteadyLoad.Ack> value) {
    double[] sorted = acks.stream().mapToDouble(value).sorted().toArray();
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }
}
