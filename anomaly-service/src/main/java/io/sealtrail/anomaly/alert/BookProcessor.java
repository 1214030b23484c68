package io.sealtrail.anomaly.alert;

import io.sealtrail.avro.alert.Alert;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A processor that changes alerts in the {@link AlertBook} (incidents, commands, storm links) and
 * publishes each new version keyed by alert id, in the record's time.
 */
public abstract class BookProcessor<V> implements Processor<String, V, String, Alert> {
  private final AlertStores stores;
  private ProcessorContext<String, Alert> context;
  private AlertBook book;

  protected BookProcessor(AlertStores stores) {
    this.stores = stores;
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.book = AlertBook.of(context, stores);
  }

  protected final ProcessorContext<String, Alert> context() {
    return context;
  }

  protected final AlertBook book() {
    return book;
  }

  /** Saves {@code next} and publishes it with {@code cause}'s timestamp. */
  protected final void publish(Record<String, ?> cause, Alert next) {
    book.save(next);
    context.forward(new Record<>(next.getAlertId(), next, cause.timestamp(), cause.headers()));
  }
}
