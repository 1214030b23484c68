package io.sealtrail.custody.event;

import io.sealtrail.avro.event.KeyProvisioned;
import io.sealtrail.trust.crypto.KeyId;

/** The keyid of a provisioned device key: hex SHA-256 of its DER SubjectPublicKeyInfo. */
public final class DeviceKeyIds {
  private DeviceKeyIds() {}

  public static String of(KeyProvisioned provisioned) {
    return KeyId.ofSubjectPublicKeyInfo(AvroBytes.of(provisioned.getPublicKey())).hex();
  }
}
