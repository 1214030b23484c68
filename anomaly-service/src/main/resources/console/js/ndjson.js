// Reads a fetch() body of newline-delimited JSON as it arrives: one object per line, handed over as
// soon as its line is complete, so a long answer never waits for its end nor sits whole in memory.

/**
 * Calls {@code onObject} with each line's object, in order; resolves with how many there were.
 * Blank lines are skipped; a line that is not JSON rejects with the line number.
 */
export async function readNdjson(body, onObject) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = "";
  let line = 0;
  let count = 0;
  const take = (text) => {
    line += 1;
    if (!text.trim()) return;
    let value;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new Error(`line ${line} of the answer is not JSON`);
    }
    count += 1;
    onObject(value);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += value;
    let end;
    while ((end = pending.indexOf("\n")) >= 0) {
      take(pending.slice(0, end));
      pending = pending.slice(end + 1);
    }
  }
  if (pending) take(pending);
  return count;
}
