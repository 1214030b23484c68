package io.sealtrail.custody.query;

import io.sealtrail.platform.query.Forwarder;
import io.sealtrail.platform.query.StoreAccess;
import io.sealtrail.platform.query.StoreReader;
import java.util.List;

/** What the query API contributes to an HTTP server: the beans its routes are served from. */
public final class QueryBeans {
  private QueryBeans() {}

  /** The reader and the queries over {@code access}; the server adds the role tokens. */
  public static List<Object> over(StoreAccess access) {
    StoreReader reader = new StoreReader(access, new Forwarder());
    CustodyQueries queries = new CustodyQueries(reader);
    return List.of(reader, queries, new TraceScopes(reader, queries));
  }
}
