// The acknowledge/resolve form of one alert: a note, sent as POST /v1/alerts/{id}/acknowledge or
// /resolve. Who acted is the identity of the token, recorded by the service, never typed in here. The service answers 202 once Kafka has the
// command; the alert's new version follows on the live feed.

import { getJson, postJson } from "./api.js";
import { el } from "./dom.js";

const DOING = { acknowledge: "Acknowledging…", resolve: "Resolving…" };
const DONE = { acknowledge: "Acknowledged.", resolve: "Resolved." };

export class AlertActions {
  /** {@code onFresh(alert)} hears the alert as fetched after a command; {@code onUnauthorized(error)} a refused token. */
  constructor(alertId, { onFresh, onUnauthorized }) {
    this.path = `/v1/alerts/${encodeURIComponent(alertId)}`;
    this.onFresh = onFresh;
    this.onUnauthorized = onUnauthorized;
    this.note = el("textarea", { id: "action-note", name: "note", rows: "2" });
    this.message = el("p", { class: "message", role: "status", "aria-live": "polite" });
    this.acknowledge = this.button("acknowledge", "Acknowledge", null);
    this.resolve = this.button("resolve", "Resolve", "secondary");
    this.form = el(
      "form",
      { class: "actions", "aria-label": "Acknowledge or resolve this alert" },
      el("div", { class: "field wide" }, el("label", { for: "action-note" }, "Note"), this.note),
      el("div", { class: "buttons" }, this.acknowledge, this.resolve),
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
    this.resolve.disabled = status === "RESOLVED";
  }

  async act(action) {
    this.say(DOING[action], false);
    try {
      const body = { note: this.note.value.trim() || null };
      await postJson(`${this.path}/${action}`, body);
      this.say(DONE[action], false);
      this.note.value = "";
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
