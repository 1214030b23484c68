package io.sealtrail.custody.topology;

import io.sealtrail.custody.event.MalformedEventException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends a malformed event to Kafka's dead-letter topic and goes on; any other processing error
 * stops the instance, since it may be transient or a bug, and a skipped event would be lost.
 */
public final class PoisonPillHandler extends LogAndContinueProcessingExceptionHandler {
  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (exception instanceof MalformedEventException) {
      return super.handleError(context, record, exception);
    }
    return Response.fail();
  }
}
