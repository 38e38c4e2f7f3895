package dev.ferry.images;

/**
 * How Ferry authenticates to a registry. {@code toString} never shows a secret.
 */
public sealed interface RegistryCredentials {

  RegistryCredentials ANONYMOUS = new Anonymous();

  static RegistryCredentials basic(String username, String password) {
    return new Basic(username, password);
  }

  /** A static bearer token, such as a cluster's service-account token for the OpenShift registry. */
  static RegistryCredentials bearer(String token) {
    return new Bearer(token);
  }

  /** No credentials: a registry's token service may still hand out anonymous pull tokens. */
  record Anonymous() implements RegistryCredentials {
    @Override
    public String toString() {
      return "anonymous";
    }
  }

  record Basic(String username, String password) implements RegistryCredentials {
    @Override
    public String toString() {
      return "basic auth as " + username;
    }
  }

  record Bearer(String token) implements RegistryCredentials {
    @Override
    public String toString() {
      return "bearer token";
    }
  }
}
