package io.sealtrail.trust.crypto;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;

/** Generates new key pairs, returned as DER PKCS#8 and SubjectPublicKeyInfo. */
public final class KeyPairs {
  private KeyPairs() {}

  /**
   * A generated key pair: the private key as PKCS#8 and the public key as SubjectPublicKeyInfo,
   * both DER.
   */
  public record Generated(KeyAlgorithm algorithm, byte[] privateKeyPkcs8, byte[] publicKeySpki) {
    public Generated {
      privateKeyPkcs8 = privateKeyPkcs8.clone();
      publicKeySpki = publicKeySpki.clone();
    }

    public KeyId keyId() {
      return KeyId.ofSubjectPublicKeyInfo(publicKeySpki);
    }

    @Override
    public byte[] privateKeyPkcs8() {
      return privateKeyPkcs8.clone();
    }

    @Override
    public byte[] publicKeySpki() {
      return publicKeySpki.clone();
    }
  }

  public static Generated generate(KeyAlgorithm algorithm, SecureRandom random) {
    AsymmetricKeyParameter privateKey =
        algorithm == KeyAlgorithm.ED25519
            ? new Ed25519PrivateKeyParameters(random)
            : generateP256(random).getPrivate();
    byte[] pkcs8 = pkcs8Of(privateKey);
    return new Generated(algorithm, pkcs8, Signers.forKey(pkcs8).subjectPublicKeyInfo());
  }

  private static AsymmetricCipherKeyPair generateP256(SecureRandom random) {
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    var domain = ECNamedDomainParameters.lookup(X9ObjectIdentifiers.prime256v1);
    generator.init(new ECKeyGenerationParameters(domain, random));
    return generator.generateKeyPair();
  }

  private static byte[] pkcs8Of(AsymmetricKeyParameter privateKey) {
    try {
      if (privateKey instanceof Ed25519PrivateKeyParameters ed25519) {
        // RFC 8410's version 1 form, the seed alone: Bouncy Castle's default adds the public key
        // (version 2), which OpenSSL 3.0, and so Node.js and the openssl command partners sign
        // with, cannot read.
        return new PrivateKeyInfo(
                new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519),
                new DEROctetString(ed25519.getEncoded()))
            .getEncoded(ASN1Encoding.DER);
      }
      return PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a freshly generated key", e);
    }
  }
}
