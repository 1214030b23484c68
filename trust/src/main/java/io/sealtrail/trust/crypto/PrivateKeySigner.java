package io.sealtrail.trust.crypto;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/** What every {@link Signer} shares: the encoded public key and keyid, derived once. */
abstract class PrivateKeySigner implements Signer {
  private final byte[] spkiDer;
  private final KeyId keyId;

  PrivateKeySigner(AsymmetricKeyParameter publicKey) {
    this.spkiDer = spkiOf(publicKey);
    this.keyId = KeyId.ofSubjectPublicKeyInfo(spkiDer);
  }

  @Override
  public final KeyId keyId() {
    return keyId;
  }

  @Override
  public final byte[] subjectPublicKeyInfo() {
    return spkiDer.clone();
  }

  @Override
  public String toString() {
    return algorithm().shortName() + " signing key " + keyId;
  }

  private static byte[] spkiOf(AsymmetricKeyParameter publicKey) {
    try {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey)
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new KeyFormatException("cannot encode the public key", e);
    }
  }
}
