// The alerts the console knows, whichever way they arrived (list call or live feed), and the one
// filter rule both the list call and the live feed are held to.

export const TYPES = [
  "SEAL_MISMATCH", "SEAL_BROKEN", "MANIFEST_MISMATCH", "COMPONENT_SUBSTITUTION", "UNKNOWN_SERIAL",
  "CLONE_SUSPECTED", "KEY_MISMATCH", "UNAUTHORIZED_FIRMWARE", "MISSING_DUAL_APPROVAL",
  "FIRMWARE_ROLLBACK", "ATTESTATION_FAILED", "ATTESTATION_FAILURE_SPIKE", "REJECTION_SPIKE",
  "INVALID_TRANSITION", "POST_DECOMMISSION_ACTIVITY", "ATTESTATION_STALE",
  "SEQUENCE_GAP", "SEQUENCE_REUSE",
  "PROCESS_DEVIATION",
  "UNVERIFIED_COMPONENT", "COMPONENT_REUSE", "UNAPPROVED_SUPPLIER",
  "DIVERSION", "ROUTE_MISMATCH", "SHIPMENT_OVERDUE",
];
export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"];
export const STATUSES = ["OPEN", "ACKNOWLEDGED", "RESOLVED"];
export const OUTCOMES = ["TRUE_POSITIVE", "FALSE_POSITIVE", "BENIGN", "DUPLICATE"];
export const FILTER_FIELDS = ["type", "severity", "status", "serial", "site"];

/** "ATTESTATION_FAILURE_SPIKE" as "Attestation failure spike". */
export function label(symbol) {
  const text = String(symbol || "").toLowerCase().replaceAll("_", " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function subjectOf(alert) {
  const subject = alert.subject || {};
  return { kind: subject.kind || "UNKNOWN", id: subject.id || "" };
}

/** The serial an alert is about: its subject, else the first serial in its evidence. */
export function serialOf(alert) {
  const subject = subjectOf(alert);
  if (subject.kind === "SERIAL") return subject.id;
  const withSerial = (alert.evidence || []).find((e) => e.serial);
  return withSerial ? withSerial.serial : null;
}

export function siteOf(alert) {
  const subject = subjectOf(alert);
  if (subject.kind === "SITE") return subject.id;
  return (alert.attributes || {}).site || null;
}

export function isSpike(alert) {
  return String(alert.type).endsWith("_SPIKE");
}

/** Whether {@code alert} passes {@code filter}, read as GET /v1/alerts reads its parameters. */
export function matches(alert, filter) {
  if (filter.type && alert.type !== filter.type) return false;
  // The severity filter means "at least": MEDIUM lists MEDIUM, HIGH and CRITICAL.
  if (filter.severity && rank(alert.severity) > rank(filter.severity)) return false;
  if (filter.status && alert.status !== filter.status) return false;
  if (filter.serial) {
    const serials = (alert.evidence || []).map((e) => e.serial);
    if (serialOf(alert) !== filter.serial && !serials.includes(filter.serial)) return false;
  }
  if (filter.site && siteOf(alert) !== filter.site) return false;
  return true;
}

function rank(severity) {
  const index = SEVERITIES.indexOf(severity);
  return index < 0 ? SEVERITIES.length : index;
}

function millis(value) {
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? 0 : time;
}

// A later version has more lifecycle steps, or more repeats, or a later last sighting; the live
// feed and a list call can race, and an older copy must never overwrite a newer one.
function newer(a, b) {
  const steps = (a.history || []).length - (b.history || []).length;
  if (steps !== 0) return steps > 0;
  if ((a.count || 0) !== (b.count || 0)) return (a.count || 0) > (b.count || 0);
  // A link to its spike and an escalation are set once and never taken back.
  const marks = (x) => (x.parentAlertId ? 1 : 0) + (x.escalatedAt ? 1 : 0);
  if (marks(a) !== marks(b)) return marks(a) > marks(b);
  return millis(a.lastSeenAt) >= millis(b.lastSeenAt);
}

/** Alerts by id, keeping the newest version of each. */
export class AlertBook {
  constructor() {
    this.byId = new Map();
  }

  /** Keeps {@code alert} unless a newer version is known; true when it changed the book. */
  upsert(alert) {
    const known = this.byId.get(alert.alertId);
    if (known && !newer(alert, known)) return false;
    this.byId.set(alert.alertId, alert);
    return true;
  }

  get(id) {
    return this.byId.get(id);
  }

  /** The alerts passing {@code filter}, most recently seen first. */
  matching(filter) {
    return [...this.byId.values()]
      .filter((a) => matches(a, filter))
      .sort((a, b) => millis(b.lastSeenAt) - millis(a.lastSeenAt));
  }
}
