// Containment from an alert: hold the alert's serial, the lots it was built from (read from the
// serial's custody state) or the firmware image (the alert's imageSha256, else the image the
// serial runs), and, for an admin token, revoke the partner key that signed the alert's event.
// Each hold and the revocation carry the reason and the alert's id; custody-stream then raises HOLD_VIOLATION for
// every later event the hold covers. Holds go to custody-stream's POST /v1/holds, the revocation
// to ingest's POST /v1/partners/{partnerId}/keys/{keyid}/revoke.

import { getJson, postJson } from "./api.js";
import { el } from "./dom.js";
import { serialOf } from "./alerts.js";

export class Containment {
  /** {@code onUnauthorized(error)} hears a refused token (401); a 403 is said in the form. */
  constructor(alert, { onUnauthorized }) {
    this.alert = alert;
    this.onUnauthorized = onUnauthorized;
    this.serial = serialOf(alert);
    this.reason = el("input", {
      id: "containment-reason", name: "reason", type: "text", spellcheck: "false",
      placeholder: "why, e.g. suspected counterfeit capacitors",
    });
    this.message = el("p", { class: "message", role: "status", "aria-live": "polite" });
    this.placed = el("ul", { class: "containment-done" });
    const buttons = [
      this.button("hold-serial", "Hold serial", () => this.hold([["SERIAL", this.serial]])),
      this.button("hold-lots", "Hold its lots", async () => this.hold(await this.lots())),
      this.button("hold-image", "Hold image", async () => this.hold([["FIRMWARE", await this.image()]])),
      this.button("revoke-key", "Revoke signing key (admin)", () => this.revoke(), "secondary"),
    ];
    const noSerial = !this.serial;
    buttons.slice(0, 3).forEach((b) => { b.disabled = noSerial; });
    buttons[3].disabled = !(alert.evidence || []).length || noSerial;
    this.element = el(
      "form",
      { class: "actions containment", "aria-label": "Contain what this alert is about" },
      el("h3", {}, "Containment"),
      el("div", { class: "field wide" }, el("label", { for: "containment-reason" }, "Reason"), this.reason),
      el("div", { class: "buttons" }, buttons),
      this.message,
      this.placed,
    );
    this.element.addEventListener("submit", (e) => e.preventDefault());
  }

  button(action, text, run, kind) {
    const button = el("button", { type: "button", "data-containment": action, class: kind }, text);
    button.addEventListener("click", () => this.run(run));
    return button;
  }

  async run(step) {
    if (!this.reason.value.trim()) {
      this.say("Give a reason first: it is kept with the hold, beside this alert's id.", true);
      this.reason.focus();
      return;
    }
    try {
      await step();
    } catch (e) {
      this.say(e.status === 403 ? `Not allowed with this token: ${e.detail || e.title}` : e.message, true);
      if (e.status === 401) this.onUnauthorized(e);
    }
  }

  /** Places one hold per [kind, id], each linked to the alert. */
  async hold(targets) {
    for (const [kind, id] of targets) {
      this.say(`Holding ${kind} ${id}…`, false);
      const hold = await postJson("/v1/holds", {
        kind, id, reason: this.reason.value.trim(), alertId: this.alert.alertId,
      });
      this.placed.append(el("li", {}, `Hold ${hold.holdId} on ${hold.kind} `,
        el("span", { class: "mono" }, hold.id), ` placed by ${hold.placedBy}`));
    }
    this.say(targets.length === 1 ? "Hold placed." : `${targets.length} holds placed.`, false);
  }

  /** The lots the serial was assembled from, from its custody state. */
  async lots() {
    const state = await getJson(`/v1/serials/${encodeURIComponent(this.serial)}`);
    const lots = [...new Set((state.components || []).map((c) => c.lot).filter(Boolean))];
    if (!lots.length) throw new Error(`${this.serial} has no assembled components: no lot to hold`);
    return lots.map((lot) => ["LOT", lot]);
  }

  /** The image the alert names, else the one the serial runs. */
  async image() {
    const named = (this.alert.attributes || {}).imageSha256;
    if (named) return named;
    const state = await getJson(`/v1/serials/${encodeURIComponent(this.serial)}`);
    if (state.firmware && state.firmware.imageSha256) return state.firmware.imageSha256;
    throw new Error(`neither the alert nor ${this.serial}'s state names a firmware image`);
  }

  /** Revokes the key the reporting partner signed the alert's first event with. */
  async revoke() {
    const evidence = this.alert.evidence[0];
    const history = await getJson(`/v1/serials/${encodeURIComponent(this.serial)}/history`);
    const entry = (history.events || []).find((e) => e.event && e.event.event
      && e.event.event.eventId === evidence.eventId && e.event.event.partnerId === evidence.partnerId);
    const signer = entry && (entry.event.signers || []).find((s) => s.partnerId === evidence.partnerId);
    if (!signer) throw new Error(`event ${evidence.eventId} is not in ${this.serial}'s history: no key to revoke`);
    this.say(`Revoking ${evidence.partnerId}'s key ${signer.keyId.slice(0, 12)}…`, false);
    await postJson(`/v1/partners/${encodeURIComponent(evidence.partnerId)}/keys/${encodeURIComponent(signer.keyId)}/revoke`, {
      reason: this.reason.value.trim(), alertId: this.alert.alertId,
    });
    this.placed.append(el("li", {}, `Key ${signer.keyId.slice(0, 12)}… of ${evidence.partnerId} revoked (alert ${this.alert.alertId}: ${this.reason.value.trim()})`));
    this.say("Key revoked: ingest now refuses its signatures (REVOKED_KEY).", false);
  }

  say(text, failed) {
    this.message.className = failed ? "message error" : "message";
    this.message.textContent = text;
  }
}
