package io.sealtrail.trust.partner;

import io.sealtrail.avro.partner.KeyAlgorithm;
import io.sealtrail.avro.partner.PartnerRegistration;
import io.sealtrail.trust.crypto.Verifier;
import io.sealtrail.trust.crypto.Verifiers;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Maps the Avro {@code PartnerRegistration} of the custody.partners topic to and from {@link
 * Partner}; the only code in trust that touches generated Avro classes. Public keys are parsed
 * here, once per registration.
 */
public final class PartnerRegistrationMapping {
  private PartnerRegistrationMapping() {}

  /**
   * The partner a registration describes; for validating a registration before it is written.
   *
   * @throws InvalidRegistrationException if a key is unreadable, unsupported or its keyId or
   *     algorithm does not match its bytes
   */
  public static Partner toPartner(PartnerRegistration registration) {
    return toPartner(
        registration,
        invalid -> {
          throw invalid;
        });
  }

  /**
   * The partner a registration describes, without the keys that cannot be used; each is handed to
   * {@code skipped}. For reading the topic: the rest of the registration, a revocation above all,
   * must still take effect.
   */
  public static Partner toPartner(
      PartnerRegistration registration, Consumer<InvalidRegistrationException> skipped) {
    List<PartnerKey> keys = new ArrayList<>();
    for (io.sealtrail.avro.partner.PartnerKey key : registration.getKeys()) {
      try {
        keys.add(toKey(registration.getPartnerId(), key));
      } catch (InvalidRegistrationException e) {
        skipped.accept(e);
      }
    }
    return new Partner(
        registration.getPartnerId(),
        Set.copyOf(registration.getRoles()),
        Set.copyOf(registration.getSites()),
        keys,
        grants(registration.getRoleGrants()),
        grants(registration.getSiteGrants()));
  }

  /**
   * The registration record of {@code partner}, as written by {@code updatedBy} at {@code
   * updatedAt}.
   */
  public static PartnerRegistration toRegistration(
      Partner partner, Instant updatedAt, String updatedBy) {
    return PartnerRegistration.newBuilder()
        .setPartnerId(partner.partnerId())
        .setRoles(partner.roles().stream().sorted().toList())
        .setSites(partner.sites().stream().sorted().toList())
        .setKeys(partner.keys().stream().map(PartnerRegistrationMapping::toAvroKey).toList())
        .setRoleGrants(avroGrants(partner.roleGrants()))
        .setSiteGrants(avroGrants(partner.siteGrants()))
        .setUpdatedAt(updatedAt)
        .setUpdatedBy(updatedBy)
        .build();
  }

  private static PartnerKey toKey(String partnerId, io.sealtrail.avro.partner.PartnerKey key) {
    Verifier verifier;
    try {
      verifier = Verifiers.forKey(bytes(key.getPublicKey()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRegistrationException(
          partnerId, "key " + key.getKeyId() + ": " + e.getMessage());
    }
    if (!verifier.keyId().hex().equals(key.getKeyId())) {
      throw new InvalidRegistrationException(
          partnerId,
          "key " + key.getKeyId() + " does not match its public key (" + verifier.keyId() + ")");
    }
    if (!verifier.algorithm().name().equals(key.getAlgorithm().name())) {
      throw new InvalidRegistrationException(
          partnerId,
          "key "
              + key.getKeyId()
              + " is "
              + verifier.algorithm()
              + ", registered as "
              + key.getAlgorithm());
    }
    return new PartnerKey(
        verifier,
        key.getNotBefore(),
        key.getNotAfter(),
        key.getRevokedAt(),
        key.getRevocationReason(),
        key.getRevocationAlertId());
  }

  private static io.sealtrail.avro.partner.PartnerKey toAvroKey(PartnerKey key) {
    return io.sealtrail.avro.partner.PartnerKey.newBuilder()
        .setKeyId(key.keyId().hex())
        .setAlgorithm(KeyAlgorithm.valueOf(key.verifier().algorithm().name()))
        .setPublicKey(ByteBuffer.wrap(key.verifier().subjectPublicKeyInfo()))
        .setNotBefore(key.notBefore())
        .setNotAfter(key.notAfter())
        .setRevokedAt(key.revokedAt())
        .setRevocationReason(key.revocationReason())
        .setRevocationAlertId(key.revocationAlertId())
        .build();
  }

  private static List<Grant> grants(List<io.sealtrail.avro.partner.Grant> grants) {
    return grants.stream()
        .map(g -> new Grant(g.getName(), g.getNotBefore(), g.getNotAfter()))
        .toList();
  }

  private static List<io.sealtrail.avro.partner.Grant> avroGrants(List<Grant> grants) {
    return grants.stream()
        .map(
            g ->
                io.sealtrail.avro.partner.Grant.newBuilder()
                    .setName(g.name())
                    .setNotBefore(g.notBefore())
                    .setNotAfter(g.notAfter())
                    .build())
        .toList();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.duplicate();
    byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
