package io.sealtrail.ingest.topics;

import io.sealtrail.ingest.IngestTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Refuses to start on topics that would break a guarantee: an inbound topic whose timestamps the
 * producer sets (receivedAt could be forged), or a dedup topic partitioned unlike the submissions
 * topic (dedup state would live with the wrong owner).
 */
public final class TopicCheck {
  static final Duration METADATA_WAIT = Duration.ofSeconds(30);

  private TopicCheck() {}

  /**
   * Checks the topics, waiting up to {@link #METADATA_WAIT} for topics just created to be known to
   * the broker that answers.
   */
  public static void verify(Admin admin, IngestTopics topics) throws InterruptedException {
    long deadline = System.nanoTime() + METADATA_WAIT.toNanos();
    while (true) {
      try {
        checkTimestampType(admin, topics.inbound().name());
        checkCoPartitioned(admin, topics.submissions().name(), topics.dedup().name());
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
          throw new IllegalStateException("cannot describe the ingest topics", e.getCause());
        }
        Thread.sleep(100);
      }
    }
  }

  private static void checkTimestampType(Admin admin, String inbound)
      throws ExecutionException, InterruptedException {
    var resource = new ConfigResource(ConfigResource.Type.TOPIC, inbound);
    Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
    String type = config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG).value();
    if (!"LogAppendTime".equals(type)) {
      throw new IllegalStateException(
          "topic "
              + inbound
              + " has "
              + TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG
              + "="
              + type
              + "; ingest needs LogAppendTime so that producers cannot forge receivedAt");
    }
  }

  private static void checkCoPartitioned(Admin admin, String submissions, String dedup)
      throws ExecutionException, InterruptedException {
    Map<String, TopicDescription> described =
        admin.describeTopics(List.of(submissions, dedup)).allTopicNames().get();
    int expected = described.get(submissions).partitions().size();
    int actual = described.get(dedup).partitions().size();
    if (expected != actual) {
      throw new IllegalStateException(
          "topic "
              + dedup
              + " has "
              + actual
              + " partitions but "
              + submissions
              + " has "
              + expected
              + "; they must match so that partition p's dedup state lives in p");
    }
  }
}
