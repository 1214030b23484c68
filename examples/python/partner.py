#!/usr/bin/env python3
"""A minimal Sealtrail partner in Python: the standard library plus the openssl command.

Signs one custody event as a DSSE envelope (openssl signs; Ed25519 or ECDSA P-256 keys, PKCS#8
PEM), submits it to POST /v1/events, then reads the event's outcome from the partner's own view,
GET /v1/partners/{id}/outcomes, under the partner credential: the request itself signed with the
same key (docs/adr/0011).

    python3 partner.py --url http://localhost:8080 --partner dock7 --key keys/dock7.key.pem \\
        [--site dock-7] [--subject PALLET-42]

Exit 0 when the event was accepted (or was a duplicate), 1 when rejected, 2 when the platform
could not be reached. Prints the submission result and the outcome, one JSON line each.
"""
import argparse
import base64
import datetime
import hashlib
import json
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
import uuid

EVENT_TYPE = "application/vnd.sealtrail.event+json"
REQUEST_TYPE = "application/vnd.sealtrail.request+json"


def now(delta_seconds=0):
    """RFC 3339 in UTC, whole seconds."""
    at = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=delta_seconds)
    return at.strftime("%Y-%m-%dT%H:%M:%SZ")


def openssl(*args, data=None):
    return subprocess.run(["openssl", *args], input=data, capture_output=True, check=True).stdout


def pae(payload_type, payload):
    """DSSE v1 pre-authentication encoding; lengths in bytes."""
    t = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)


class Key:
    def __init__(self, pem_file):
        self.pem_file = pem_file
        spki = openssl("pkey", "-in", pem_file, "-pubout", "-outform", "DER")
        # keyid: lowercase hex SHA-256 of the DER SubjectPublicKeyInfo.
        self.keyid = hashlib.sha256(spki).hexdigest()
        self.ed25519 = b"ED25519" in openssl("pkey", "-in", pem_file, "-noout", "-text").upper()

    def sign(self, message):
        with tempfile.NamedTemporaryFile() as f:
            f.write(message)
            f.flush()
            if self.ed25519:  # Ed25519 signs the message itself
                return openssl("pkeyutl", "-sign", "-inkey", self.pem_file, "-rawin", "-in", f.name)
            # ECDSA P-256 over SHA-256, DER signature
            return openssl("dgst", "-sha256", "-sign", self.pem_file, f.name)

    def envelope(self, payload_type, payload):
        signature = self.sign(pae(payload_type, payload))
        return {
            "payloadType": payload_type,
            "payload": base64.b64encode(payload).decode(),
            "signatures": [{"keyid": self.keyid, "sig": base64.b64encode(signature).decode()}],
        }

    def credential(self, method, path):
        """The partner credential: {"method","path","at","nonce"} signed, base64url in a header."""
        claim = json.dumps({"method": method, "path": path, "at": now(), "nonce": str(uuid.uuid4())})
        signed = json.dumps(self.envelope(REQUEST_TYPE, claim.encode())).encode()
        return "Sealtrail-DSSE " + base64.urlsafe_b64encode(signed).decode().rstrip("=")


def call(request):
    """(status, JSON body) of a request; HTTP errors are answers too."""
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as e:
        return e.code, json.load(e)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--partner", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--site", default="site-1")
    parser.add_argument("--subject", default="PALLET-1")
    a = parser.parse_args()
    key = Key(a.key)
    started = now(-1)
    event_id = str(uuid.uuid4())
    event = {
        "eventId": event_id, "type": "SEAL_CHECKED", "occurredAt": now(), "partnerId": a.partner,
        "site": a.site, "subject": a.subject, "detail": {"sealId": "S-" + event_id[:8], "intact": True},
    }
    body = json.dumps(key.envelope(EVENT_TYPE, json.dumps(event).encode())).encode()
    try:
        status, answer = call(urllib.request.Request(
            a.url + "/v1/events", data=body, headers={"Content-Type": "application/json"}))
        print(json.dumps({"submitted": status, "result": answer.get("results", [answer])[0]}))
        if "results" not in answer:
            return 2 if status >= 500 else 1

        # The outcome is on the partner's own topic from the moment the answer was given.
        path = "/v1/partners/%s/outcomes?since=%s&limit=1000" % (
            urllib.parse.quote(a.partner, safe=""), urllib.parse.quote(started, safe=""))
        status, page = call(urllib.request.Request(
            a.url + path, headers={"Authorization": key.credential("GET", path)}))
    except urllib.error.URLError as e:
        print("partner: %s" % e, file=sys.stderr)
        return 2
    if status != 200:
        print(json.dumps({"outcomes": status, "problem": page}))
        return 2 if status >= 500 else 1
    outcome = next((o for o in page["outcomes"] if o.get("eventId") == event_id), None)
    print(json.dumps({"outcome": outcome}))
    return 0 if outcome and outcome["status"] != "rejected" else 1


if __name__ == "__main__":
    sys.exit(main())
