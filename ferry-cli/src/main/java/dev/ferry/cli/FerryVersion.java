package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Ferry's version and the Kubernetes version it is tested against, from the build. */
public final class FerryVersion implements IVersionProvider {
  public static Properties properties() {
    Properties properties = new Properties();
    try (InputStream in = FerryVersion.class.getResourceAsStream("/ferry-version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  public static String version() {
    return properties().getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    Properties p = properties();
    return new String[] {"ferry " + p.getProperty("version", "unknown"),
        "tested with Kubernetes " + p.getProperty("kubernetes", "unknown"),
        "java " + System.getProperty("java.version")};
  }
}
