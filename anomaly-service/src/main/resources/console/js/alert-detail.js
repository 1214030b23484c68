// One alert in full: what it is, its evidence, attributes and lifecycle, the acknowledge/resolve
// form, the serial's custody history and, for a spike, its cohort's chart. A live update redraws
// the facts but leaves the form (a note being typed) and the loaded history alone.

import { getJson } from "./api.js";
import { AlertActions } from "./alert-actions.js";
import { Containment } from "./containment.js";
import { el, facts, formatTime, replace } from "./dom.js";
import { isSpike, label, serialOf, subjectOf } from "./alerts.js";
import { severityBadge, statusBadge } from "./alert-list.js";
import { short, showHistory } from "./custody-history.js";
import { cohortChart } from "./spikes.js";

export class AlertDetail {
  constructor(section, { onChanged, onUnauthorized }) {
    this.section = section;
    this.onChanged = onChanged;
    this.onUnauthorized = onUnauthorized;
    this.alert = null;
  }

  get alertId() {
    return this.alert ? this.alert.alertId : null;
  }

  /** Opens {@code alert}: a full redraw, then the freshest copy from the API. */
  async open(alert) {
    this.alert = alert;
    this.head = el("div", { class: "detail-head" });
    this.facts = el("div", { class: "facts-block" });
    this.actions = new AlertActions(alert.alertId, {
      onFresh: (fresh) => this.update(fresh),
      onUnauthorized: this.onUnauthorized,
    });
    const history = el("div", { class: "custody" });
    const chart = el("div", { class: "cohort-chart" });
    // For a spike the cohort's chart says most, so it comes before the facts.
    replace(
      this.section,
      el("h2", { id: "detail-title" }, "Alert detail"),
      this.head,
      this.actions.form,
      new Containment(alert, { onUnauthorized: this.onUnauthorized }).element,
      isSpike(alert) ? [el("h3", {}, "Cohort windows"), chart] : null,
      this.facts,
      el("h3", {}, "Custody history", serialOf(alert) ? ` of ${serialOf(alert)}` : ""),
      history,
    );
    this.drawFacts();
    // Screen readers and the keyboard continue in the detail; the page itself does not jump.
    this.section.focus({ preventScroll: true });
    showHistory(history, serialOf(alert));
    if (isSpike(alert)) cohortChart(chart, alert);
    try {
      this.update(await getJson(`/v1/alerts/${encodeURIComponent(alert.alertId)}`));
    } catch (e) {
      this.report(e);
    }
  }

  /** A newer version of the open alert: redraws its facts and what the buttons allow. */
  update(alert) {
    if (!this.alert || alert.alertId !== this.alert.alertId) return;
    this.alert = alert;
    this.onChanged(alert);
    this.drawFacts();
  }

  drawFacts() {
    const a = this.alert;
    const subject = subjectOf(a);
    replace(
      this.head,
      el("p", { class: "headline" }, severityBadge(a.severity), " ", statusBadge(a.status), " ",
        el("strong", {}, label(a.type)), " · ", el("span", { class: "mono" }, subject.id)),
      el("p", { class: "summary" }, a.summary || ""),
    );
    replace(
      this.facts,
      el("h3", {}, "Facts"),
      facts([
        ["Alert id", el("code", {}, a.alertId)],
        ["Subject", `${label(subject.kind)} ${subject.id}`],
        ["First seen", formatTime(a.firstSeenAt)],
        ["Last seen", formatTime(a.lastSeenAt)],
        ["Raised", formatTime(a.raisedAt)],
        ["Occurrences", String(a.count ?? "")],
        ...triageFacts(a),
      ]),
      el("h3", {}, "Evidence"),
      evidenceTable(a.evidence || []),
      el("h3", {}, "Attributes"),
      Object.keys(a.attributes || {}).length
        ? facts(Object.entries(a.attributes).sort(([x], [y]) => x.localeCompare(y)))
        : el("p", { class: "empty" }, "None."),
      el("h3", {}, "Lifecycle"),
      lifecycle(a.history || []),
    );
    this.actions.allow(a.status);
  }

  report(error) {
    if (error.unauthorized) this.onUnauthorized(error);
    else if (error.status === 404) this.head.append(el("p", { class: "warning" }, "This alert is no longer known to the service."));
  }
}

/** Who has it, how it was judged, whether it was escalated, and the spike it folds under. */
function triageFacts(a) {
  return [
    ["Assignee", a.assignee || null],
    ["Outcome", a.outcome ? label(a.outcome) : null],
    ["Escalated", a.escalatedAt ? el("span", { class: "escalated" }, formatTime(a.escalatedAt)) : null],
    ["Part of", a.parentAlertId ? el("code", {}, a.parentAlertId) : null],
  ];
}

const EVIDENCE_SHOWN = 4;

/** The first few pieces of evidence in a table; the rest one click away. */
function evidenceTable(evidence) {
  if (!evidence.length) return el("p", { class: "empty" }, "No evidence recorded.");
  const first = evidenceRows(evidence.slice(0, EVIDENCE_SHOWN));
  const rest = evidence.slice(EVIDENCE_SHOWN);
  return [
    first,
    rest.length
      ? el("details", { class: "more" }, el("summary", {}, `${rest.length} more`), evidenceRows(rest))
      : null,
  ];
}

function evidenceRows(evidence) {
  return el(
    "table",
    { class: "evidence" },
    el("thead", {}, el("tr", {}, ["Event id", "Partner", "Serial", "Occurred", "Payload SHA-256", "Note"].map(
      (h) => el("th", { scope: "col" }, h),
    ))),
    el("tbody", {}, evidence.map((e) => el(
      "tr",
      {},
      el("td", { class: "mono" }, e.eventId),
      el("td", {}, e.partnerId || ""),
      el("td", { class: "mono" }, e.serial || ""),
      el("td", { class: "time" }, formatTime(e.occurredAt)),
      el("td", { class: "mono hash", title: e.payloadSha256 || "" }, short(e.payloadSha256)),
      el("td", {}, e.note || ""),
    ))),
  );
}

function lifecycle(history) {
  if (!history.length) return el("p", { class: "empty" }, "No transitions recorded.");
  return el("ol", { class: "lifecycle" }, history.map((step) => el(
    "li",
    {},
    statusBadge(step.status),
    " ",
    el("span", { class: "time" }, formatTime(step.at)),
    step.by ? ` by ${step.by}` : "",
    step.assignee ? ` · assigned to ${step.assignee}` : "",
    step.outcome ? ` · ${label(step.outcome)}` : "",
    step.note ? el("q", {}, step.note) : null,
  )));
}
