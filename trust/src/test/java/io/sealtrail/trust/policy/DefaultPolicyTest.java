package io.sealtrail.trust.policy;

import static io.sealtrail.avro.common.EventType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sealtrail.avro.common.EventType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped default-policy.json is the role table of DESIGN.md, entry for entry. */
class DefaultPolicyTest {
  private static final Map<String, Set<EventType>> DESIGN_TABLE =
      Map.of(
          "SUPPLIER", EnumSet.of(SHIPPED, SEAL_APPLIED, PACKED, SCANNED),
          "MANUFACTURER",
              EnumSet.of(
                  COMPONENT_RECEIVED,
                  ASSEMBLED,
                  SEAL_APPLIED,
                  SEAL_CHECKED,
                  PACKED,
                  UNPACKED,
                  SHIPPED,
                  RECEIVED,
                  SCANNED),
          "STATION", EnumSet.of(KEY_PROVISIONED, FIRMWARE_FLASHED, ATTESTED, SCANNED),
          "RELEASE_MANAGER", EnumSet.of(FIRMWARE_RELEASED, FIRMWARE_WITHDRAWN),
          "APPROVER", EnumSet.noneOf(EventType.class),
          "LOGISTICS", EnumSet.of(SHIPPED, RECEIVED, SEAL_CHECKED, PACKED, UNPACKED, SCANNED),
          "DOCK", EnumSet.of(RECEIVED, SEAL_CHECKED, UNPACKED, SHIPPED, SCANNED),
          "FIELD_SERVICE", EnumSet.of(COMMISSIONED, DECOMMISSIONED, ATTESTED, SCANNED));

  @Test
  void shouldMatchTheDesignRoleTable() {
    Policy policy = Policy.defaults();

    assertThat(policy.mayReport()).isEqualTo(DESIGN_TABLE);
  }

  @Test
  void shouldNeedTwoReleaseManagerKeysForARelease() {
    assertThat(Policy.defaults().threshold(FIRMWARE_RELEASED))
        .contains(new SignatureThreshold("RELEASE_MANAGER", 2));
    assertThat(Policy.defaults().threshold(FIRMWARE_WITHDRAWN))
        .contains(new SignatureThreshold("RELEASE_MANAGER", 2));
    assertThat(Policy.defaults().threshold(SCANNED)).isEmpty();
  }

  @Test
  void shouldFlagAFlashWithoutApproverCoSignature() {
    assertThat(Policy.defaults().coSignature(FIRMWARE_FLASHED))
        .contains(new CoSignature("APPROVER", "MISSING_DUAL_APPROVAL"));
  }

  @Test
  void shouldAllowWhenAnyOfThePartnersRolesMay() {
    assertThat(Policy.defaults().allows(Set.of("APPROVER", "DOCK"), RECEIVED)).isTrue();
    assertThat(Policy.defaults().allows(Set.of("APPROVER"), FIRMWARE_FLASHED)).isFalse();
    assertThat(Policy.defaults().allows(Set.of("UNHEARD_OF"), SCANNED)).isFalse();
  }

  @Test
  void shouldRefuseAPolicyNamingAnUnknownEventType() {
    String json = "{\"mayReport\":{\"DOCK\":[\"TELEPORTED\"]}}";

    assertThatThrownBy(
            () -> PolicyJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TELEPORTED");
  }
}
