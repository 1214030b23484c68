package io.sealtrail.custody.campaign;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.sealtrail.platform.query.StoreReader;
import java.util.Map;

/**
 * The devices running a firmware image, as a campaign on that image would cover them: every
 * instance's part gathered, or this instance's part alone when another instance asks (see {@link
 * ImageScope}). Under {@code /v1/campaigns}, so read by the roles that read campaigns.
 */
@Controller
@Requires(beans = {CampaignWriter.class, StoreReader.class, CampaignScopes.class})
@ExecuteOn(TaskExecutors.BLOCKING)
final class CampaignImagesController {
  private final ImageScope images;

  CampaignImagesController(StoreReader reader, CampaignScopes scopes) {
    this.images = new ImageScope(reader, scopes);
  }

  @Get(ImageScope.ROUTE)
  HttpResponse<Map<String, Object>> devices(
      HttpRequest<?> request, @PathVariable String imageSha256) {
    String image = CampaignRequests.image(imageSha256);
    return HttpResponse.ok(
        ImageScope.answer(
            image,
            StoreReader.forwarded(request) ? images.local(image) : images.serials(image, request)));
  }
}
