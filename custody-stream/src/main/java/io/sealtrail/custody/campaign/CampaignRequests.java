package io.sealtrail.custody.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.sealtrail.avro.campaign.CampaignScope;
import io.sealtrail.avro.campaign.RecallState;
import io.sealtrail.platform.http.JsonRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the bodies of the campaigns API: a new campaign names itself and exactly one scope (a lot,
 * a supplier or a firmware image's SHA-256); a move names the device's new state and an optional
 * note. Each mistake is 400 {@code invalid-request} with the JSON pointer at fault.
 */
final class CampaignRequests {
  private static final Pattern IMAGE = Pattern.compile("[0-9a-fA-F]{64}");
  private static final List<String> SCOPES = List.of("lot", "supplier", "imageSha256");

  private final JsonMapper json;

  CampaignRequests(JsonMapper json) {
    this.json = json;
  }

  /** What {@code POST /v1/campaigns} asks for. */
  record NewCampaign(String name, CampaignScope scope, String scopeId) {}

  /** What a move asks for. */
  record Move(RecallState state, @Nullable String note) {}

  NewCampaign newCampaign(@Nullable String body) {
    JsonRequest fields =
        JsonRequest.read(json, body, Set.of("name", "lot", "supplier", "imageSha256"), "campaign");
    String name = fields.required("name");
    List<String> given = SCOPES.stream().filter(fields::has).toList();
    if (given.size() != 1) {
      throw JsonRequest.invalid(
          given.isEmpty() ? "" : "/" + given.get(1),
          "a campaign is traced from exactly one of " + SCOPES + ", got " + given);
    }
    String field = given.get(0);
    String id = fields.required(field);
    return switch (field) {
      case "lot" -> new NewCampaign(name, CampaignScope.LOT, id);
      case "supplier" -> new NewCampaign(name, CampaignScope.SUPPLIER, id);
      default -> new NewCampaign(name, CampaignScope.IMAGE, image(id));
    };
  }

  /** An image's SHA-256 lowercase, as the stream keeps it; 400 on {@code /imageSha256} if not. */
  static String image(String id) {
    if (!IMAGE.matcher(id).matches()) {
      throw JsonRequest.invalid(
          "/imageSha256",
          "imageSha256 is the image's SHA-256: 64 hex digits, got " + JsonRequest.quote(id));
    }
    return id.toLowerCase(Locale.ROOT);
  }

  Move move(@Nullable String body) {
    JsonRequest fields = JsonRequest.read(json, body, Set.of("state", "note"), "move");
    String state = fields.required("state");
    try {
      return new Move(RecallState.valueOf(state), fields.text("note"));
    } catch (IllegalArgumentException e) {
      throw JsonRequest.invalid(
          "/state",
          "state must be one of "
              + Arrays.toString(RecallState.values())
              + ", got "
              + JsonRequest.quote(state));
    }
  }
}
