// The triage form of one alert: acknowledge (with an optional note), assign to someone, and resolve
// with an outcome and a note, sent as POST /v1/alerts/{id}/acknowledge, /assign or /resolve. Who
// acts is the token's identity (the service records it); the form never asks for a name. The
// service answers 202 once Kafka has the command; the alert's new version follows on the live feed.

import { getJson, postJson } from "./api.js";
import { OUTCOMES, label } from "./alerts.js";
import { el } from "./dom.js";

const DOING = { acknowledge: "Acknowledging…", assign: "Assigning…", resolve: "Resolving…" };
const DONE = { acknowledge: "Acknowledged.", assign: "Assigned.", resolve: "Resolved." };

export class AlertActions {
  /** {@code onFresh(alert)} hears the alert as fetched after a command; {@code onUnauthorized(error)} a refused token. */
  constructor(alertId, { onFresh, onUnauthorized }) {
    this.path = `/v1/alerts/${encodeURIComponent(alertId)}`;
    this.onFresh = onFresh;
    this.onUnauthorized = onUnauthorized;
    this.note = el("textarea", { id: "action-note", name: "note", rows: "2" });
    this.assignee = el("input", { id: "action-assignee", name: "assignee", autocomplete: "off", spellcheck: "false" });
    this.outcome = el(
      "select",
      { id: "action-outcome", name: "outcome" },
      el("option", { value: "" }, "choose…"),
      OUTCOMES.map((o) => el("option", { value: o }, label(o))),
    );
    this.message = el("p", { class: "message", role: "status", "aria-live": "polite" });
    this.acknowledge = this.button("acknowledge", "Acknowledge", null);
    this.assign = this.button("assign", "Assign", "secondary");
    this.resolve = this.button("resolve", "Resolve", "secondary");
    this.form = el(
      "form",
      { class: "actions", "aria-label": "Acknowledge, assign or resolve this alert" },
      el("div", { class: "field wide" }, el("label", { for: "action-note" }, "Note (required to resolve)"), this.note),
      el("div", { class: "buttons" }, this.acknowledge),
      el("div", { class: "field" }, el("label", { for: "action-assignee" }, "Assign to"), this.assignee),
      el("div", { class: "buttons" }, this.assign),
      el("div", { class: "field" }, el("label", { for: "action-outcome" }, "Outcome"), this.outcome),
      el("div", { class: "buttons" }, this.resolve),
      this.message,
    );
    this.form.addEventListener("submit", (e) => e.preventDefault());
  }

  button(action, text, kind) {
    const button = el("button", { type: "button", "data-action": action, class: kind }, text);
    button.addEventListener("click", () => this.act(action));
    return button;
  }

  /** Enables only what the lifecycle allows from {@code status}. */
  allow(status) {
    this.acknowledge.disabled = status !== "OPEN";
    this.assign.disabled = status === "RESOLVED";
    this.resolve.disabled = status === "RESOLVED";
  }

  /** The command's body, or a reason it cannot be sent (said here, before the service would). */
  body(action) {
    const note = this.note.value.trim();
    if (action === "assign") {
      const assignee = this.assignee.value.trim();
      if (!assignee) return { missing: "Say who to assign it to.", field: this.assignee };
      return { body: { assignee, note: note || null } };
    }
    if (action === "resolve") {
      if (!this.outcome.value) return { missing: "Choose an outcome to resolve.", field: this.outcome };
      if (!note) return { missing: "Write a note: why is it resolved?", field: this.note };
      return { body: { outcome: this.outcome.value, note } };
    }
    return { body: { note: note || null } };
  }

  async act(action) {
    const { body, missing, field } = this.body(action);
    if (missing) {
      this.say(missing, true);
      field.focus();
      return;
    }
    this.say(DOING[action], false);
    try {
      await postJson(`${this.path}/${action}`, body);
      this.say(DONE[action], false);
      this.note.value = "";
      if (action === "assign") this.assignee.value = "";
      this.onFresh(await getJson(this.path));
    } catch (e) {
      this.say(e.status === 409 ? `Not possible now: ${e.detail || e.title}` : e.message, true);
      if (e.unauthorized) this.onUnauthorized(e);
    }
  }

  say(text, failed) {
    this.message.className = failed ? "message error" : "message";
    this.message.textContent = text;
  }
}
