package io.sealtrail.ingest.topics;

import io.sealtrail.ingest.IngestTopics;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the ingest topics as the catalogue sets them ({@link IngestTopics#settings()}), and
 * leaves existing ones alone; safe to run from every instance at every start. {@link TopicCheck}
 * then verifies what it could not create.
 */
public final class TopicSetup {
  private TopicSetup() {}

  /** Creates the missing topics, then checks the existing ones. */
  public static void ensure(Admin admin, IngestTopics topics) throws InterruptedException {
    for (NewTopic topic : topics.settings()) {
      create(admin, topic);
    }
    TopicCheck.verify(admin, topics);
  }

  private static void create(Admin admin, NewTopic topic) throws InterruptedException {
    try {
      admin.createTopics(List.of(topic)).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + topic.name(), e.getCause());
      }
    }
  }
}
