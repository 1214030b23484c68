// The alert table: one row per alert, each opened by a real button so the keyboard reaches it. An
// alert storm folds: the per-device alerts that link to a spike listed here (parentAlertId) are one
// row under it with their count, expanded on demand.

import { el, formatTime, replace } from "./dom.js";
import { label, subjectOf } from "./alerts.js";

export function severityBadge(severity) {
  return el("span", { class: `badge sev-${String(severity).toLowerCase()}` }, label(severity));
}

export function statusBadge(status) {
  return el("span", { class: `status st-${String(status).toLowerCase()}` }, label(status));
}

export class AlertList {
  constructor(table, empty, counter, onOpen, onToggle = () => {}) {
    this.body = table.tBodies[0];
    this.empty = empty;
    this.counter = counter;
    this.onOpen = onOpen;
    this.onToggle = onToggle;
    this.selectedId = null;
    this.seen = new Set();
    this.expanded = new Set();
    // The first render is what was already there; only later arrivals are highlighted.
    this.primed = false;
  }

  render(alerts) {
    // Rows are redrawn on every arrival; a keyboard user keeps their place.
    const focused = document.activeElement && document.activeElement.closest("tr[data-alert-id]");
    const focusedId = focused && this.body.contains(focused) ? focused.dataset.alertId : null;
    const storm = document.activeElement && document.activeElement.closest("tr.storm");
    const stormOf = storm && this.body.contains(storm) ? storm.dataset.stormOf : null;
    const rows = this.rows(alerts);
    replace(this.body, rows);
    const again = rows.find((r) => (focusedId && r.dataset.alertId === focusedId) || (stormOf && r.dataset.stormOf === stormOf));
    if (again) again.querySelector("button").focus();
    alerts.forEach((a) => this.seen.add(a.alertId));
    this.primed = true;
    this.empty.hidden = alerts.length > 0;
    this.counter.textContent = `(${alerts.length})`;
  }

  /** Each alert's row; the children of a spike shown here folded into one row after it. */
  rows(alerts) {
    const shown = new Set(alerts.map((a) => a.alertId));
    const children = new Map();
    for (const a of alerts) {
      if (a.parentAlertId && shown.has(a.parentAlertId)) {
        if (!children.has(a.parentAlertId)) children.set(a.parentAlertId, []);
        children.get(a.parentAlertId).push(a);
      }
    }
    const rows = [];
    for (const a of alerts) {
      if (a.parentAlertId && shown.has(a.parentAlertId)) continue;
      rows.push(this.row(a));
      const storm = children.get(a.alertId);
      if (!storm) continue;
      const open = this.expanded.has(a.alertId);
      rows.push(this.stormRow(a.alertId, storm, open));
      if (open) rows.push(...storm.map((child) => this.row(child, "child")));
    }
    return rows;
  }

  stormRow(parentId, storm, open) {
    const types = [...new Set(storm.map((a) => label(a.type)))].join(", ");
    const toggle = el(
      "button",
      { type: "button", class: "storm-toggle", "aria-expanded": open ? "true" : "false" },
      `${open ? "▾" : "▸"} ${storm.length} ${types} alert${storm.length === 1 ? "" : "s"} in this spike`,
    );
    toggle.addEventListener("click", () => {
      if (this.expanded.has(parentId)) this.expanded.delete(parentId);
      else this.expanded.add(parentId);
      this.onToggle();
    });
    return el(
      "tr",
      { class: "storm", "data-storm-of": parentId, "data-count": String(storm.length) },
      el("td", {}),
      el("td", { colspan: "4" }, toggle),
    );
  }

  select(id) {
    this.selectedId = id;
    for (const row of this.body.querySelectorAll("tr[data-alert-id]")) {
      row.classList.toggle("selected", row.dataset.alertId === id);
      const button = row.querySelector("button");
      if (row.dataset.alertId === id) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
  }

  row(alert, kind) {
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
    const classes = [alert.alertId === this.selectedId ? "selected" : "", fresh ? "fresh" : "", kind || ""];
    return el(
      "tr",
      { "data-alert-id": alert.alertId, "data-status": alert.status, class: classes.join(" ").trim() || null },
      el("td", {}, severityBadge(alert.severity)),
      el("td", {}, open),
      el("td", {}, statusBadge(alert.status), alert.escalatedAt ? el("span", { class: "escalated" }, " escalated") : null),
      el("td", { class: "time" }, formatTime(alert.lastSeenAt)),
      el("td", { class: "num" }, String(alert.count ?? "")),
    );
  }
}
