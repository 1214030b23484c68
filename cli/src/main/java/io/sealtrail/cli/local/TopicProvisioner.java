package io.sealtrail.cli.local;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates the topics that are missing, leaving existing ones (and their data) untouched. */
final class TopicProvisioner {

  private static final long TIMEOUT_SECONDS = 30;

  private final Admin admin;

  TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  /** Creates each missing topic and returns the names it created. */
  List<String> ensure(List<TopicSpec> topics)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    List<NewTopic> missing =
        topics.stream()
            .filter(topic -> !existing.contains(topic.name()))
            .map(
                topic ->
                    new NewTopic(topic.name(), topic.partitions(), (short) 1)
                        .configs(topic.configs()))
            .toList();
    if (!missing.isEmpty()) {
      admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    return missing.stream().map(NewTopic::name).toList();
  }
}
