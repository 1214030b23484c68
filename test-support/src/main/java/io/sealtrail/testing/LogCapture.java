package io.sealtrail.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what the service logs while a request is answered, to prove that a client's mistake
 * costs at most one log line and never a stack trace. Kafka's own clients are left out: their
 * background chatter is not the request's.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public LogCapture() {
    appender.start();
    root.addAppender(appender);
  }

  /** The events logged since the capture started, Kafka clients' excepted. */
  public List<ILoggingEvent> events() {
    synchronized (appender.list) {
      return appender.list.stream()
          .filter(e -> !e.getLoggerName().startsWith("org.apache.kafka"))
          .toList();
    }
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
