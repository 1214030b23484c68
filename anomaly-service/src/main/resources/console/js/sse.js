// Server-sent events read with fetch() and a stream reader rather than EventSource, because
// EventSource cannot send an Authorization header and the token must never travel in a URL.

import { authHeaders } from "./api.js";

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

/**
 * A live feed that reconnects with exponential backoff (with jitter) until stopped or refused.
 * {@code onState} hears "connecting", "live", "retrying" (with the delay) and "refused".
 */
export class EventFeed {
  constructor(url, { onEvent, onState }) {
    this.url = url;
    this.onEvent = onEvent;
    this.onState = onState;
    this.delay = FIRST_DELAY_MS;
    this.lastEventId = null;
    this.controller = null;
    this.timer = null;
  }

  start() {
    this.stop();
    this.controller = new AbortController();
    this.connect(this.controller.signal);
  }

  stop() {
    clearTimeout(this.timer);
    if (this.controller) this.controller.abort();
    this.controller = null;
  }

  async connect(signal) {
    this.onState("connecting");
    try {
      const headers = authHeaders({ Accept: "text/event-stream" });
      if (this.lastEventId) headers["Last-Event-ID"] = this.lastEventId;
      const response = await fetch(this.url, { headers, signal, cache: "no-store", credentials: "omit" });
      if (response.status === 401 || response.status === 403) {
        this.onState("refused", response.status);
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      this.delay = FIRST_DELAY_MS;
      this.onState("live");
      await this.read(response.body, signal);
    } catch (e) {
      if (signal.aborted) return;
    }
    if (!signal.aborted) this.retry(signal);
  }

  retry(signal) {
    const wait = Math.round(this.delay * (0.75 + Math.random() * 0.5));
    this.delay = Math.min(this.delay * 2, MAX_DELAY_MS);
    this.onState("retrying", wait);
    this.timer = setTimeout(() => {
      if (!signal.aborted) this.connect(signal);
    }, wait);
  }

  async read(body, signal) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser((event) => {
      if (event.id) this.lastEventId = event.id;
      this.onEvent(event);
    });
    while (!signal.aborted) {
      const { value, done } = await reader.read();
      if (done) return;
      parser.push(value);
    }
  }
}

/** The text/event-stream format (WHATWG HTML, "Parsing an event stream"), fed chunk by chunk. */
export class SseParser {
  constructor(dispatch) {
    this.dispatch = dispatch;
    this.buffer = "";
    this.reset();
  }

  reset() {
    this.type = "";
    this.data = [];
    this.id = null;
  }

  push(chunk) {
    let text = this.buffer + chunk;
    // A trailing "\r" may be the first half of "\r\n": keep it until the next chunk says.
    const held = text.endsWith("\r") ? "\r" : "";
    if (held) text = text.slice(0, -1);
    const lines = text.split(/\r\n|\r|\n/);
    this.buffer = lines.pop() + held;
    for (const line of lines) this.line(line);
  }

  line(line) {
    if (line === "") {
      if (this.data.length) {
        this.dispatch({ type: this.type || "message", data: this.data.join("\n"), id: this.id });
      }
      this.reset();
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data.push(value);
    else if (field === "event") this.type = value;
    else if (field === "id") this.id = value;
  }
}
