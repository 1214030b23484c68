// A lot's trace as a stream of devices. It asks for NDJSON (the recall API streams one device per
// line) and hands each device over as its line arrives. A server without the streamed format
// answers the JSON body instead (200 JSON, or 406/400 to the format): then the body's devices are
// handed over the same way, in today's shape mapped to the streamed one.

import { authHeaders, refusal, request } from "./api.js";
import { readNdjson } from "./ndjson.js";

const NDJSON = "application/x-ndjson";

/**
 * Streams {@code lot}'s devices to {@code onDevice}; resolves with {mode: "stream"|"json", count}.
 * {@code filters} (status, site, customer, firmware: a value or a list of values) go to the server,
 * which sends only the matching devices. Rejects with an ApiError for a refusal (401/403), an
 * unknown lot (404), a bad filter (400) or a moving store (503).
 */
export async function streamTrace(lot, onDevice, signal, filters = {}) {
  const path = `/v1/lots/${encodeURIComponent(lot)}/trace`;
  const query = traceQuery(filters);
  const and = query ? `&${query}` : "";
  let response = await request(`${path}?format=ndjson${and}`, { headers: authHeaders({ Accept: NDJSON }), signal });
  if (response.status === 406 || (response.status === 400 && !query)) {
    response = await request(query ? `${path}?${query}` : path, { headers: authHeaders({ Accept: "application/json" }), signal });
  }
  if (!response.ok) throw await refusal(response);
  const type = response.headers.get("Content-Type") || "";
  if (type.startsWith(NDJSON)) {
    return { mode: "stream", count: await readNdjson(response.body, onDevice) };
  }
  const body = await response.json();
  const devices = (body && body.devices) || [];
  devices.forEach((d) => onDevice(fromTracedDevice(d)));
  return { mode: "json", count: devices.length, supplier: body && body.supplier };
}

/** Today's JSON trace row ({@code TracedDevice}) in the streamed row's shape. */
export function fromTracedDevice(d) {
  const holds = d.holds || [];
  return {
    serial: d.serial,
    status: d.status ?? null,
    site: d.site ?? null,
    custodian: d.custodian ?? null,
    customer: d.customer ?? null,
    container: d.container ?? null,
    firmware: d.firmwareVersion || d.firmwareImageSha256 ? { version: d.firmwareVersion, imageSha256: d.firmwareImageSha256 } : null,
    hold: holds.length ? { holdId: holds[0] } : null,
    lastSeenAt: d.lastSeenAt ?? null,
    depth: d.depth ?? 1,
    via: d.via || [],
  };
}

/** The trace filters as query parameters, each value repeated; empty values left out. */
export function traceQuery(filters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    for (const one of [].concat(value)) if (one !== "" && one !== null && one !== undefined) query.append(name, one);
  }
  return query.toString();
}
