package io.sealtrail.trust.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM import and export of keys: public keys as SubjectPublicKeyInfo ({@code PUBLIC KEY}), private
 * keys as PKCS#8 ({@code PRIVATE KEY}, also read from OpenSSL's {@code EC PRIVATE KEY}). Encrypted
 * private keys are refused with the command that decrypts them.
 */
public final class Pem {
  static final String ENCRYPTED_REFUSAL =
      "encrypted private keys are not supported; decrypt it first, e.g."
          + " openssl pkey -in KEY.pem -out KEY.plain.pem (and keep that file owner-only)";

  private Pem() {}

  /** The DER SubjectPublicKeyInfo of the first {@code PUBLIC KEY} block. */
  public static byte[] readPublicKey(String pem) {
    Object object = readFirstKeyObject(pem);
    if (object instanceof SubjectPublicKeyInfo spki) {
      return Verifiers.encode(spki);
    }
    throw new KeyFormatException("expected a PEM PUBLIC KEY, found " + describe(object));
  }

  /** The DER PKCS#8 PrivateKeyInfo of the first private key block. */
  public static byte[] readPrivateKey(String pem) {
    Object object = readFirstKeyObject(pem);
    if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
      throw new KeyFormatException(ENCRYPTED_REFUSAL);
    }
    if (object instanceof PEMKeyPair pair) {
      return der(pair.getPrivateKeyInfo());
    }
    if (object instanceof PrivateKeyInfo info) {
      return der(info);
    }
    throw new KeyFormatException("expected a PEM PRIVATE KEY, found " + describe(object));
  }

  public static String writePublicKey(byte[] spkiDer) {
    return write("PUBLIC KEY", spkiDer);
  }

  public static String writePrivateKey(byte[] pkcs8Der) {
    return write("PRIVATE KEY", pkcs8Der);
  }

  private static Object readFirstKeyObject(String pem) {
    Object object;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      object = parser.readObject();
      // OpenSSL's "ecparam -genkey" writes an EC PARAMETERS block before the key.
      while (object instanceof ASN1ObjectIdentifier) {
        object = parser.readObject();
      }
    } catch (IOException | RuntimeException e) {
      // Bouncy Castle's message names its own classes; the cause keeps it for the logs.
      throw new KeyFormatException(
          "unreadable PEM: the block is not base64 of a well-formed DER structure", e);
    }
    if (object == null) {
      throw new KeyFormatException("no PEM key block found");
    }
    return object;
  }

  private static String describe(Object object) {
    if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
      return "an encrypted private key";
    }
    if (object instanceof PEMKeyPair || object instanceof PrivateKeyInfo) {
      return "a private key";
    }
    if (object instanceof X509CertificateHolder) {
      return "a certificate (its public key: openssl x509 -pubkey -noout -in CERT.pem)";
    }
    return object instanceof SubjectPublicKeyInfo ? "a public key" : "another kind of PEM block";
  }

  private static byte[] der(PrivateKeyInfo info) {
    try {
      return info.getEncoded(ASN1Encoding.DER);
    } catch (IOException | RuntimeException e) {
      throw new KeyFormatException("cannot DER-encode the private key", e);
    }
  }

  private static String write(String type, byte[] der) {
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(new PemObject(type, der));
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return out.toString();
  }
}
