// The lot trace as a file the user keeps: CSV, JSON or EPCIS as the server writes it, for the
// filters chosen (the server filters, so the page never holds the rows it does not draw), handed to
// the browser as a download.

import { authHeaders, refusal, request } from "./api.js";
import { traceQuery } from "./trace-stream.js";

const FORMATS = {
  csv: { accept: "text/csv", type: "text/csv", suffix: "csv" },
  json: { accept: "application/json", type: "application/json", suffix: "json" },
  epcis: { accept: "application/ld+json", type: "application/ld+json", suffix: "epcis.jsonld" },
};

/**
 * {@code lot}'s trace in {@code format} (csv, json or epcis) for {@code filters}, from the server:
 * resolves with {blob, name}. The body is taken as a Blob, which the browser may keep on disk, not
 * as a string in the page. Rejects with an ApiError as the server refuses.
 */
export async function fetchTrace(lot, format, filters) {
  const { accept, type, suffix } = FORMATS[format];
  const query = traceQuery(filters);
  const url = `/v1/lots/${encodeURIComponent(lot)}/trace?format=${format}${query ? `&${query}` : ""}`;
  const response = await request(url, { headers: authHeaders({ Accept: accept }) });
  if (!response.ok) throw await refusal(response);
  const blob = await response.blob();
  return { blob: blob.type ? blob : new Blob([blob], { type }), name: `${lot}-trace.${suffix}` };
}

/**
 * Offers {@code content} (a Blob or text) as a download named {@code name} through {@code link},
 * an anchor kept in the page. It starts at once only when {@code start} (still within the user's
 * click): a download started after a wait on the network counts as unrequested, which browsers
 * block, so such a file is offered as a link to press.
 */
export function offer(link, content, name, type, start = true) {
  if (link.href && link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  link.download = name;
  link.textContent = start ? `Download ${name} again` : `Download ${name}`;
  link.hidden = false;
  if (start) link.click();
  else link.focus();
}
