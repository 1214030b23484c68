package io.sealtrail.custody.query;

import io.sealtrail.platform.auth.Role;
import io.sealtrail.platform.auth.RoleTokens;
import io.sealtrail.platform.http.HttpBinding;
import io.sealtrail.platform.http.PlatformHttpServer;
import io.sealtrail.platform.query.StoreAccess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** GETs query routes of a server as a client would, with a role's bearer token. */
final class QueryClient {
  static final String RECALL_TOKEN = "recall-secret";
  private final HttpClient client = HttpClient.newHttpClient();

  /** A token directory holding a recall token. */
  static RoleTokens recallTokens(Path dir) throws IOException {
    Files.writeString(dir.resolve(Role.RECALL.fileName()), RECALL_TOKEN + "\n");
    return RoleTokens.load(dir);
  }

  /** A query server over {@code access} on a free port, admitting readers by {@code tokens}. */
  static PlatformHttpServer serve(StoreAccess access, RoleTokens tokens) {
    List<Object> beans = new ArrayList<>(QueryBeans.over(access));
    beans.add(tokens);
    return PlatformHttpServer.start(new HttpBinding("localhost", 0), beans);
  }

  HttpResponse<String> get(int port, String path, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("GET " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  HttpResponse<String> asRecall(int port, String path, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization";
    all[1] = "Bearer " + RECALL_TOKEN;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return get(port, path, all);
  }
}
