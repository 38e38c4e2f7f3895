package dev.ferry.images;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * How to reach one registry: host[:port], credentials, and transport. With {@link Transport#AUTO}
 * a loopback registry is spoken to over plain HTTP (a local test or port-forwarded registry) and
 * any other over HTTPS verified against the JDK's trust store plus {@code caPem}.
 */
public record RegistryEndpoint(String host, RegistryCredentials credentials, Transport transport, String caPem) {

  /** Transport security. */
  public enum Transport { AUTO, HTTPS, HTTPS_INSECURE, HTTP }

  public RegistryEndpoint {
    Objects.requireNonNull(host, "host");
    credentials = credentials == null ? RegistryCredentials.ANONYMOUS : credentials;
    transport = transport == null ? Transport.AUTO : transport;
  }

  public static RegistryEndpoint of(String host, RegistryCredentials credentials) {
    return new RegistryEndpoint(host, credentials, Transport.AUTO, null);
  }

  public static RegistryEndpoint anonymous(String host) {
    return of(host, RegistryCredentials.ANONYMOUS);
  }

  /** Whether requests go over plain HTTP. */
  public boolean plainHttp() {
    return switch (transport) {
      case HTTP -> true;
      case HTTPS, HTTPS_INSECURE -> false;
      case AUTO -> isLoopback(hostName());
    };
  }

  public String baseUrl() {
    return (plainHttp() ? "http://" : "https://") + host;
  }

  private String hostName() {
    if (host.startsWith("[")) {
      return host.substring(1, host.indexOf(']'));
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static boolean isLoopback(String name) {
    if ("localhost".equalsIgnoreCase(name)) {
      return true;
    }
    if (!name.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // a name: never resolved here just to pick a scheme
    }
    try {
      return InetAddress.getByName(name).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return host + " (" + credentials + ", " + transport + ")";
  }
}
