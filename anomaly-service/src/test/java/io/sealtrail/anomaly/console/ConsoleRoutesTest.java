package io.sealtrail.anomaly.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's files over real HTTP: the page, everything it loads, and nothing else. */
class ConsoleRoutesTest {
  private static final Pattern PAGE_LINK = Pattern.compile("(?:src|href)=\"(/console/[^\"]+)\"");
  private static final Pattern MODULE_IMPORT = Pattern.compile("from \"\\./([^\"]+)\"");
  private static ApplicationContext context;
  private static EmbeddedServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    // As PlatformHttpServer runs every service: Micronaut Security is on the classpath for its JWT
    // validator only, and its own filter would deny every route.
    context =
        ApplicationContext.run(
            Map.of(
                "micronaut.server.port", -1,
                "micronaut.security.enabled", false,
                "micronaut.security.filter.enabled", false));
    server = context.getBean(EmbeddedServer.class).start();
  }

  @AfterAll
  static void stop() {
    context.close();
  }

  @Test
  void shouldServeThePageWithAStrictContentSecurityPolicy() throws Exception {
    HttpResponse<String> page = get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(ConsoleController.CONTENT_SECURITY_POLICY);
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.body()).contains("<script type=\"module\" src=\"/console/js/main.js\">");
  }

  @Test
  void shouldServeEveryFileThePageAndItsModulesLoad() throws Exception {
    Set<String> served = new HashSet<>();
    Deque<String> toFetch = new ArrayDeque<>(links(PAGE_LINK, get("/").body(), ""));

    while (!toFetch.isEmpty()) {
      String path = toFetch.pop();
      if (!served.add(path)) {
        continue;
      }
      HttpResponse<String> file = get(path);
      assertThat(file.statusCode()).as(path).isEqualTo(200);
      if (path.endsWith(".js")) {
        assertThat(file.headers().firstValue("Content-Type"))
            .as(path)
            .hasValue("text/javascript;charset=utf-8");
        toFetch.addAll(
            links(MODULE_IMPORT, file.body(), path.substring(0, path.lastIndexOf('/') + 1)));
      }
    }

    assertThat(served)
        .contains("/console/console.css", "/console/js/main.js", "/console/js/sse.js");
  }

  @Test
  void shouldAnswerNotFoundForAnythingButAConsoleFile() throws Exception {
    for (String path :
        new String[] {
          "/console/js/missing.js",
          "/console/..%2Fapplication.yml",
          "/console/%2e%2e/application.yml",
          "/console/application.yml",
          "/console/js/Main.js"
        }) {
      HttpResponse<String> answer = get(path);

      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.body()).as(path).doesNotContain("micronaut:");
    }
  }

  private static Set<String> links(Pattern pattern, String text, String base) {
    Set<String> found = new HashSet<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(base + m.group(1));
    }
    return found;
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://localhost:" + server.getPort() + path);
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
