// The alert table: one row per alert, each opened by a real button so the keyboard reaches it.

import { el, formatTime, replace } from "./dom.js";
import { label, subjectOf } from "./alerts.js";

export function severityBadge(severity) {
  return el("span", { class: `badge sev-${String(severity).toLowerCase()}` }, label(severity));
}

export function statusBadge(status) {
  return el("span", { class: `status st-${String(status).toLowerCase()}` }, label(status));
}

export class AlertList {
  constructor(table, empty, counter, onOpen) {
    this.body = table.tBodies[0];
    this.empty = empty;
    this.counter = counter;
    this.onOpen = onOpen;
    this.selectedId = null;
    this.seen = new Set();
    // The first render is what was already there; only later arrivals are highlighted.
    this.primed = false;
  }

  render(alerts) {
    // Rows are redrawn on every arrival; a keyboard user keeps their place.
    const focused = document.activeElement && document.activeElement.closest("tr[data-alert-id]");
    const focusedId = focused && this.body.contains(focused) ? focused.dataset.alertId : null;
    const rows = alerts.map((alert) => this.row(alert));
    replace(this.body, rows);
    const again = rows.find((r) => r.dataset.alertId === focusedId);
    if (again) again.querySelector("button").focus();
    alerts.forEach((a) => this.seen.add(a.alertId));
    this.primed = true;
    this.empty.hidden = alerts.length > 0;
    this.counter.textContent = `(${alerts.length})`;
  }

  select(id) {
    this.selectedId = id;
    for (const row of this.body.rows) {
      row.classList.toggle("selected", row.dataset.alertId === id);
      const button = row.querySelector("button");
      if (row.dataset.alertId === id) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
  }

  row(alert) {
    const subject = subjectOf(alert);
    const open = el(
      "button",
      { type: "button", class: "open", "aria-current": alert.alertId === this.selectedId ? "true" : null },
      el("span", { class: "type" }, label(alert.type)),
      el("span", { class: "subject" }, subject.id),
      el("span", { class: "summary" }, alert.summary || ""),
    );
    open.addEventListener("click", () => this.onOpen(alert.alertId));
    const fresh = this.primed && !this.seen.has(alert.alertId);
    const classes = [alert.alertId === this.selectedId ? "selected" : "", fresh ? "fresh" : ""];
    return el(
      "tr",
      { "data-alert-id": alert.alertId, "data-status": alert.status, class: classes.join(" ").trim() || null },
      el("td", {}, severityBadge(alert.severity)),
      el("td", {}, open),
      el("td", {}, statusBadge(alert.status)),
      el("td", { class: "time" }, formatTime(alert.lastSeenAt)),
      el("td", { class: "num" }, String(alert.count ?? "")),
    );
  }
}
