package dev.ferry.images;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link RegistryClient} per registry host, configured from known endpoints; a host with no
 * configured endpoint is reached anonymously (plain HTTP if it is a loopback address).
 */
public final class Registries implements AutoCloseable {
  private final Map<String, RegistryEndpoint> endpoints = new ConcurrentHashMap<>();
  private final Map<String, RegistryClient> clients = new ConcurrentHashMap<>();
  private final int chunkSize;

  public Registries() {
    this(RegistryClient.DEFAULT_CHUNK_SIZE);
  }

  public Registries(int chunkSize) {
    this.chunkSize = chunkSize;
  }

  public Registries with(RegistryEndpoint endpoint) {
    endpoints.put(endpoint.host(), endpoint);
    RegistryClient old = clients.remove(endpoint.host());
    if (old != null) {
      old.close();
    }
    return this;
  }

  public RegistryClient client(String host) {
    return clients.computeIfAbsent(host,
        h -> new RegistryClient(endpoints.getOrDefault(h, RegistryEndpoint.anonymous(h)), chunkSize));
  }

  @Override
  public void close() {
    clients.values().forEach(RegistryClient::close);
    clients.clear();
  }
}
