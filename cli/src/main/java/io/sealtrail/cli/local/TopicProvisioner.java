package io.sealtrail.cli.local;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the topics that are missing, leaving existing ones (and their data) untouched. Several
 * services may declare one topic (one's output is another's input): the first declaration counts.
 */
final class TopicProvisioner {

  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;

  TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  /**
   * Creates each missing topic, waits until every partition of every topic has a leader (a
   * restarted broker lists its topics before it leads them, and a Kafka Streams global store fails
   * at once on a topic without partitions), and returns the names it created.
   */
  List<String> ensure(List<NewTopic> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    List<String> created = createMissing(topics);
    awaitLeaders(topics.stream().map(NewTopic::name).distinct().toList());
    return created;
  }

  private List<String> createMissing(List<NewTopic> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    Map<String, NewTopic> missing = new LinkedHashMap<>();
    for (NewTopic topic : topics) {
      if (!existing.contains(topic.name())) {
        missing.putIfAbsent(topic.name(), topic);
      }
    }
    if (!missing.isEmpty()) {
      admin.createTopics(missing.values()).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    return List.copyOf(missing.keySet());
  }

  private void awaitLeaders(List<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    while (!allLed(names)) {
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("topics without a leader after " + TIMEOUT_SECONDS + " s");
      }
      Thread.sleep(100);
    }
  }

  private boolean allLed(List<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return admin
          .describeTopics(names)
          .allTopicNames()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .values()
          .stream()
          .flatMap(topic -> topic.partitions().stream())
          .allMatch(partition -> partition.leader() != null);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }
}
