package io.sealtrail.schemas;

import io.sealtrail.avro.alert.Alert;
import io.sealtrail.avro.alert.AlertCommand;
import io.sealtrail.avro.alert.Violation;
import io.sealtrail.avro.audit.AuditRecord;
import io.sealtrail.avro.campaign.CampaignEntry;
import io.sealtrail.avro.event.VerifiedEvent;
import io.sealtrail.avro.hold.Hold;
import io.sealtrail.avro.outcome.PartnerOutcome;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.avro.rejection.RejectedSubmission;
import io.sealtrail.avro.state.CustodyState;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The Avro value schemas that cross Kafka, one per topic role. Compatibility checks, schema
 * registration at start-up and documentation all enumerate the wire model from here.
 */
public final class TopicSchemas {

  /** A topic's role in the design and the schema of its values. */
  public record TopicSchema(String role, Schema schema) {
    public String fullName() {
      return schema.getFullName();
    }
  }

  private static final List<TopicSchema> ALL =
      List.of(
          new TopicSchema("events", VerifiedEvent.getClassSchema()),
          new TopicSchema("rejected", RejectedSubmission.getClassSchema()),
          new TopicSchema("partners", PartnerRegistration.getClassSchema()),
          new TopicSchema("state", CustodyState.getClassSchema()),
          new TopicSchema("violations", Violation.getClassSchema()),
          new TopicSchema("alerts", Alert.getClassSchema()),
          new TopicSchema("alert-commands", AlertCommand.getClassSchema()),
          new TopicSchema("holds", Hold.getClassSchema()),
          new TopicSchema("audit", AuditRecord.getClassSchema()),
          new TopicSchema("outcomes", PartnerOutcome.getClassSchema()),
          new TopicSchema("campaigns", CampaignEntry.getClassSchema()));

  private TopicSchemas() {}

  /** Every value schema, in topic order. */
  public static List<TopicSchema> all() {
    return ALL;
  }
}
