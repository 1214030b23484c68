#!/usr/bin/env node
// A minimal Sealtrail partner in Node.js, with nothing but node:crypto (no npm packages):
// signs one custody event as a DSSE envelope, submits it to POST /v1/events, then reads the
// event's outcome from the partner's own view, GET /v1/partners/{id}/outcomes, under the partner
// credential: the request itself signed with the same key (docs/adr/0011).
//
//   node partner.mjs --url http://localhost:8080 --partner dock7 --key keys/dock7.key.pem \
//       [--site dock-7] [--subject PALLET-42]
//
// Exit 0 when the event was accepted (or was a duplicate), 1 when rejected, 2 when the platform
// could not be reached. Prints the submission result and the outcome, one JSON line each.
import crypto from 'node:crypto';
import fs from 'node:fs';

const EVENT_TYPE = 'application/vnd.sealtrail.event+json';
const REQUEST_TYPE = 'application/vnd.sealtrail.request+json';

function args(argv) {
  const given = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`expected --name value pairs, got ${argv[i]}`);
    }
    given[argv[i].slice(2)] = argv[i + 1];
  }
  for (const required of ['url', 'partner', 'key']) {
    if (!given[required]) throw new Error(`--${required} is required`);
  }
  return { site: 'site-1', subject: 'PALLET-1', ...given };
}

// RFC 3339 in UTC, whole seconds: what the contract's occurredAt and a signed request's at take.
const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

// DSSE v1 pre-authentication encoding; lengths in bytes.
function pae(type, payload) {
  const t = Buffer.from(type, 'utf8');
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${t.length} `, 'utf8'), t,
    Buffer.from(` ${payload.length} `, 'utf8'), payload,
  ]);
}

// keyid: lowercase hex SHA-256 of the DER SubjectPublicKeyInfo.
function keyid(privateKey) {
  const spki = crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(spki).digest('hex');
}

// Ed25519 signs the message itself; ECDSA P-256 signs its SHA-256 (DER signature, node's default).
function sign(privateKey, message) {
  const digest = privateKey.asymmetricKeyType === 'ed25519' ? null : 'sha256';
  return crypto.sign(digest, message, privateKey);
}

function envelope(type, payload, privateKey) {
  return {
    payloadType: type,
    payload: payload.toString('base64'),
    signatures: [{ keyid: keyid(privateKey), sig: sign(privateKey, pae(type, payload)).toString('base64') }],
  };
}

// The partner credential: {"method","path","at","nonce"} signed like an event, base64url in a header.
function credential(method, path, privateKey) {
  const claim = Buffer.from(JSON.stringify({ method, path, at: now(), nonce: crypto.randomUUID() }), 'utf8');
  const json = Buffer.from(JSON.stringify(envelope(REQUEST_TYPE, claim, privateKey)), 'utf8');
  return `Sealtrail-DSSE ${json.toString('base64url')}`;
}

async function main() {
  const a = args(process.argv.slice(2));
  const key = crypto.createPrivateKey(fs.readFileSync(a.key, 'utf8'));
  const started = new Date(Date.now() - 1000).toISOString();
  const eventId = crypto.randomUUID();
  const event = {
    eventId, type: 'SEAL_CHECKED', occurredAt: now(), partnerId: a.partner,
    site: a.site, subject: a.subject, detail: { sealId: 'S-' + eventId.slice(0, 8), intact: true },
  };
  const body = JSON.stringify(envelope(EVENT_TYPE, Buffer.from(JSON.stringify(event), 'utf8'), key));
  const submitted = await fetch(new URL('/v1/events', a.url), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body,
  });
  const answer = await submitted.json();
  console.log(JSON.stringify({ submitted: submitted.status, result: answer.results?.[0] ?? answer }));
  if (!answer.results) process.exit(submitted.status >= 500 ? 2 : 1);

  // The outcome is on the partner's own topic from the moment the answer was given.
  const path = `/v1/partners/${encodeURIComponent(a.partner)}/outcomes?since=${encodeURIComponent(started)}&limit=1000`;
  const read = await fetch(new URL(path, a.url), { headers: { Authorization: credential('GET', path, key) } });
  const page = await read.json();
  if (read.status !== 200) {
    console.log(JSON.stringify({ outcomes: read.status, problem: page }));
    process.exit(read.status >= 500 ? 2 : 1);
  }
  const outcome = page.outcomes.find((o) => o.eventId === eventId);
  console.log(JSON.stringify({ outcome }));
  process.exit(outcome && outcome.status !== 'rejected' ? 0 : 1);
}

main().catch((e) => {
  console.error(`partner: ${e.message}`);
  process.exit(2);
});
