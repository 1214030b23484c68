// The lot trace's rows as a file the user keeps: CSV (RFC 4180, with the server's guard against
// spreadsheet formulas) or JSON, built from the rows shown, and handed to the browser as a download.

const COLUMNS = [
  ["serial", (d) => d.serial],
  ["status", (d) => d.status],
  ["site", (d) => d.site],
  ["custodian", (d) => d.custodian],
  ["customer", (d) => d.customer],
  ["container", (d) => d.container],
  ["firmwareVersion", (d) => d.firmware && d.firmware.version],
  ["firmwareImageSha256", (d) => d.firmware && d.firmware.imageSha256],
  ["holdId", (d) => d.hold && d.hold.holdId],
  ["lastSeenAt", (d) => d.lastSeenAt],
  ["depth", (d) => d.depth],
  ["via", (d) => (d.via || []).join(" > ")],
];

/** The rows as CSV text, a header first, CRLF line ends. */
export function toCsv(devices) {
  const lines = [COLUMNS.map(([name]) => name).join(",")];
  for (const d of devices) lines.push(COLUMNS.map(([, value]) => cell(value(d))).join(","));
  return lines.join("\r\n") + "\r\n";
}

// A cell a spreadsheet would run as a formula is prefixed with ' (OWASP CSV injection), as the
// server's CSV trace does; then quoted when it holds a separator, a quote or a line break.
function cell(value) {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r\n]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Offers {@code text} as a download named {@code name} through {@code link}, an anchor kept in the
 * page. It starts at once only when {@code start} (still within the user's click): a download
 * started after a wait on the network counts as unrequested, which browsers block, so such a file
 * is offered as a link to press.
 */
export function offer(link, text, name, type, start = true) {
  if (link.href && link.href.startsWith("blob:")) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.textContent = start ? `Download ${name} again` : `Download ${name}`;
  link.hidden = false;
  if (start) link.click();
  else link.focus();
}
