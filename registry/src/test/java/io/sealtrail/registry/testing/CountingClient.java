package io.sealtrail.registry.testing;

import io.sealtrail.registry.client.SchemaRegistryClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/** A registry client that records the name of every method called on it, then delegates. */
public final class CountingClient {
  private CountingClient() {}

  public static SchemaRegistryClient counting(SchemaRegistryClient client, List<String> calls) {
    return (SchemaRegistryClient)
        Proxy.newProxyInstance(
            SchemaRegistryClient.class.getClassLoader(),
            new Class<?>[] {SchemaRegistryClient.class},
            (proxy, method, args) -> {
              calls.add(method.getName());
              try {
                return method.invoke(client, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
