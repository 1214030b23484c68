package io.sealtrail.epcis.capture;

/**
 * Why an EPCIS document, or one of its events, cannot be mapped to a custody event. Stable:
 * partners code against these names.
 */
public enum RejectionCode {
  /** Not an EPCISDocument: not a JSON object, another type, or no {@code epcisBody.eventList}. */
  MALFORMED_DOCUMENT,
  /** The {@code @context} does not name the GS1 EPCIS 2.0 context. */
  MISSING_GS1_CONTEXT,
  /**
   * A field has the wrong JSON type or form, or a field without prefix that EPCIS does not define.
   */
  MALFORMED_EVENT,
  /**
   * An extension's prefix is not declared in {@code @context}, or its IRI ends in neither / nor #.
   */
  UNDECLARED_EXTENSION_PREFIX,
  /**
   * TransformationEvent, TransactionEvent or an extended event type: no custody event means one.
   */
  UNSUPPORTED_EVENT_TYPE,
  /** An error declaration corrects an earlier event; custody events are never rewritten. */
  UNSUPPORTED_ERROR_DECLARATION,
  /** No custody event type has this action and business step. */
  UNMAPPABLE_EVENT,
  /** The custody event this maps to needs a value the EPCIS event does not give. */
  MISSING_FIELD,
  /** An identifier not in Sealtrail's private URI form, so no serial, site or lot can be read. */
  FOREIGN_IDENTIFIER,
  /** An ObjectEvent about several objects: a custody event is about one subject. */
  MULTIPLE_SUBJECTS,
  /** Two fields of the event disagree (e.g. the named custody type, or parts and childEPCs). */
  CONFLICTING_FIELDS,
  /** The event names a partner other than the one capturing it. */
  PARTNER_MISMATCH,
  /** An assembling AssociationEvent with no commissioning ObjectEvent of the same device. */
  UNPAIRED_ASSEMBLY,
  /**
   * Neither {@code sealtrail:custodyEventId} nor {@code eventID}: retries could not be recognised.
   */
  MISSING_EVENT_ID,
  /** A second event of the document with the custody event id of an earlier one. */
  DUPLICATE_EVENT_ID
}
