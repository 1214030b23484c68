// Re-checks an event's DSSE signatures in the browser, against the partners' public keys: each
// signature over PAE(payloadType, payload) (trust's dsse/Pae: "DSSEv1" SP LEN(type) SP type SP
// LEN(body) SP body) with WebCrypto Ed25519 or ECDSA P-256/SHA-256. Where the browser cannot (no
// WebCrypto outside a secure context, or no Ed25519), the verdict is ingest's at receipt, labelled
// as the server's.

const ALGORITHMS = {
  ED25519: { key: { name: "Ed25519" }, verify: { name: "Ed25519" } },
  ECDSA_P256: { key: { name: "ECDSA", namedCurve: "P-256" }, verify: { name: "ECDSA", hash: "SHA-256" } },
};

/** Every registered key by keyid: {partnerId, algorithm, spki (bytes), revokedAt}. */
export function keysOf(partners) {
  const keys = new Map();
  for (const p of partners || []) {
    for (const k of p.keys || []) keys.set(k.keyid, { partnerId: p.partnerId, algorithm: k.algorithm, spki: pemBytes(k.publicKey), revokedAt: k.revokedAt || null });
  }
  return keys;
}

/** The DSSE v1 pre-authentication encoding of a payload of {@code type}. */
export function pae(type, payload) {
  const utf8 = new TextEncoder();
  const typeBytes = utf8.encode(type);
  const head = utf8.encode(`DSSEv1 ${typeBytes.length} `);
  const middle = utf8.encode(` ${payload.length} `);
  const out = new Uint8Array(head.length + typeBytes.length + middle.length + payload.length);
  out.set(head, 0);
  out.set(typeBytes, head.length);
  out.set(middle, head.length + typeBytes.length);
  out.set(payload, head.length + typeBytes.length + middle.length);
  return out;
}

/**
 * One verdict per signature of {@code verified} (a VerifiedEvent as the history answers it):
 * {keyid, partnerId, algorithm, verdict: "valid"|"invalid"|"unknown-key", checkedBy:
 * "browser"|"server", revokedAt}.
 */
export async function checkSignatures(verified, keys) {
  const envelope = verified.envelope || {};
  const message = pae(envelope.payloadType || "", base64Bytes(envelope.payload || ""));
  const signedAtReceipt = new Set((verified.signers || []).map((s) => s.keyId));
  return Promise.all(
    (envelope.signatures || []).map(async (s) => {
      const key = keys.get(s.keyid);
      if (!key) return { keyid: s.keyid, verdict: "unknown-key", checkedBy: "browser" };
      const about = { keyid: s.keyid, partnerId: key.partnerId, algorithm: key.algorithm, revokedAt: key.revokedAt };
      const browser = await inBrowser(key, base64Bytes(s.sig || ""), message);
      if (browser === null) return { ...about, verdict: signedAtReceipt.has(s.keyid) ? "valid" : "invalid", checkedBy: "server" };
      return { ...about, verdict: browser ? "valid" : "invalid", checkedBy: "browser" };
    }),
  );
}

/** True or false when the browser could check; null when it lacks WebCrypto or the algorithm. */
async function inBrowser(key, signature, message) {
  const algorithm = ALGORITHMS[key.algorithm];
  if (!algorithm || !globalThis.crypto || !crypto.subtle) return null;
  let publicKey;
  try {
    publicKey = await crypto.subtle.importKey("spki", key.spki, algorithm.key, false, ["verify"]);
  } catch (e) {
    if (e.name === "NotSupportedError") return null;
    return false;
  }
  const raw = key.algorithm === "ECDSA_P256" ? derToP1363(signature) : signature;
  if (!raw) return false;
  try {
    return await crypto.subtle.verify(algorithm.verify, publicKey, raw, message);
  } catch (e) {
    if (e.name === "NotSupportedError") return null;
    return false;
  }
}

/**
 * An ECDSA DER signature (SEQUENCE of two INTEGERs, as partners sign) as WebCrypto's r || s, 32
 * bytes each; null when it is not such a signature.
 */
export function derToP1363(der) {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  const out = new Uint8Array(64);
  let at = 2;
  for (let part = 0; part < 2; part++) {
    if (der[at] !== 0x02) return null;
    const length = der[at + 1];
    let value = der.subarray(at + 2, at + 2 + length);
    if (value.length !== length) return null;
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) return null;
    out.set(value, part * 32 + 32 - value.length);
    at += 2 + length;
  }
  return at === der.length ? out : null;
}

function pemBytes(pem) {
  return base64Bytes(String(pem || "").replace(/-----[^-]+-----/g, "").replace(/\s+/g, ""));
}

function base64Bytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
