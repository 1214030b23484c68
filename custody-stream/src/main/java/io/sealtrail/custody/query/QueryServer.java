package io.sealtrail.custody.query;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.sealtrail.platform.auth.RoleTokens;
import java.util.Map;

/**
 * The query HTTP server around a {@link StoreAccess}: a Micronaut context holding the reader and
 * the role tokens as singletons and an embedded Netty server, closed together.
 */
public final class QueryServer implements AutoCloseable {
  private final ApplicationContext context;
  private final EmbeddedServer server;

  private QueryServer(ApplicationContext context, EmbeddedServer server) {
    this.context = context;
    this.server = server;
  }

  /** Serves on {@code host}:{@code port} (0 for any free port), admitting readers by tokens. */
  public static QueryServer start(StoreAccess access, RoleTokens tokens, String host, int port) {
    StoreReader reader = new StoreReader(access, new Forwarder());
    ApplicationContext context =
        ApplicationContext.builder()
            .properties(Map.of("micronaut.server.host", host, "micronaut.server.port", port))
            .singletons(reader, new CustodyQueries(reader), tokens)
            .start();
    try {
      return new QueryServer(context, context.getBean(EmbeddedServer.class).start());
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.stop();
    context.close();
  }
}
