package io.sealtrail.system.multinode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One Kafka node of a KRaft cluster (broker and controller in one process, as the combined mode
 * runs it), a JVM of its own started from this process's classpath ({@code kafka.Kafka}) after its
 * log directory is formatted ({@code kafka.tools.StorageTool}). Listens on {@link #PORT} (clients)
 * and {@link #CONTROLLER_PORT} at its address.
 */
final class KafkaNode implements AutoCloseable {
  static final int PORT = 15192;
  static final int CONTROLLER_PORT = 15193;

  private final int id;
  private final String address;
  private final Process process;
  private final Path log;

  private KafkaNode(int id, String address, Process process, Path log) {
    this.id = id;
    this.address = address;
    this.process = process;
    this.log = log;
  }

  /**
   * Formats and starts node {@code id} of the cluster whose node {@code i} is at {@code addresses[i
   * - 1]}; every topic replicated to all of them, a write acknowledged by all but one.
   */
  static KafkaNode start(
      int id, List<String> addresses, String clusterId, List<String> launcher, Path work)
      throws IOException, InterruptedException {
    String address = addresses.get(id - 1);
    Path dir = Files.createDirectories(work.resolve("kafka-" + id));
    Path properties = dir.resolve("server.properties");
    int replicas = addresses.size();
    String voters =
        IntStream.rangeClosed(1, replicas)
            .mapToObj(i -> i + "@" + addresses.get(i - 1) + ":" + CONTROLLER_PORT)
            .collect(Collectors.joining(","));
    Files.writeString(
        properties,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=" + id,
            "controller.quorum.voters=" + voters,
            "listeners=PLAINTEXT://"
                + address
                + ":"
                + PORT
                + ",CONTROLLER://"
                + address
                + ":"
                + CONTROLLER_PORT,
            "advertised.listeners=PLAINTEXT://" + address + ":" + PORT,
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "inter.broker.listener.name=PLAINTEXT",
            "log.dirs=" + dir.resolve("data"),
            "default.replication.factor=" + replicas,
            "min.insync.replicas=" + Math.max(1, replicas - 1),
            "offsets.topic.replication.factor=" + replicas,
            "transaction.state.log.replication.factor=" + replicas,
            "transaction.state.log.min.isr=" + Math.max(1, replicas - 1),
            "group.initial.rebalance.delay.ms=0",
            "unclean.leader.election.enable=false",
            ""));
    List<String> java = java(dir);
    List<String> format = new ArrayList<>(java);
    format.addAll(
        List.of(
            "kafka.tools.StorageTool",
            "format",
            "-t",
            clusterId,
            "-c",
            properties.toString(),
            "--ignore-formatted"));
    Process formatting =
        new ProcessBuilder(format)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("format.log").toFile())
            .start();
    if (formatting.waitFor() != 0) {
      throw new IllegalStateException(
          "formatting kafka-" + id + " failed: " + Files.readString(dir.resolve("format.log")));
    }
    List<String> command = new ArrayList<>(launcher);
    command.addAll(java);
    command.addAll(List.of("kafka.Kafka", properties.toString()));
    Path log = dir.resolve("kafka.log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new KafkaNode(id, address, process, log);
  }

  private static List<String> java(Path dir) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-Dlogback.configurationFile=" + writeLogback(dir),
        "-cp",
        System.getProperty("java.class.path"));
  }

  // Kafka's own INFO chatter to its file, warnings and above only.
  private static String writeLogback(Path dir) {
    Path file = dir.resolve("logback.xml");
    try {
      Files.writeString(
          file,
          "<configuration><appender name=\"OUT\" class=\"ch.qos.logback.core.ConsoleAppender\">"
              + "<encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n</pattern></encoder>"
              + "</appender><root level=\"WARN\"><appender-ref ref=\"OUT\"/></root></configuration>");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file.toString();
  }

  int id() {
    return id;
  }

  String bootstrap() {
    return address + ":" + PORT;
  }

  boolean alive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
