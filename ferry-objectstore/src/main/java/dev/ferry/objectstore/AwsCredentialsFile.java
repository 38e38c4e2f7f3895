package dev.ferry.objectstore;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The AWS shared credentials file format that Velero keeps under a Secret's {@code cloud} key:
 * <pre>
 * [default]
 * aws_access_key_id = AKIA...
 * aws_secret_access_key = ...
 * </pre>
 * Sections are profiles ({@code [name]} or config-file style {@code [profile name]}); {@code #} and
 * {@code ;} start comments; keys are case-insensitive. Values are never echoed in errors.
 */
public final class AwsCredentialsFile {
  public static final String DEFAULT_PROFILE = "default";

  private final Map<String, Map<String, String>> profiles;

  private AwsCredentialsFile(Map<String, Map<String, String>> profiles) {
    this.profiles = profiles;
  }

  public static AwsCredentialsFile parse(String text) {
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    Map<String, String> current = null;
    int lineNumber = 0;
    for (String raw : text.split("\\R")) {
      lineNumber++;
      String line = raw.strip();
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]")) {
          throw new ObjectStoreException("AWS credentials file line " + lineNumber + ": a section header must look "
              + "like [default]");
        }
        String name = line.substring(1, line.length() - 1).strip();
        if (name.startsWith("profile ")) {
          name = name.substring("profile ".length()).strip();
        }
        current = profiles.computeIfAbsent(name, n -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        // The line may be a secret pasted on its own; do not echo it.
        throw new ObjectStoreException("AWS credentials file line " + lineNumber + " is neither [profile] nor "
            + "key = value");
      }
      if (current == null) {
        throw new ObjectStoreException("AWS credentials file line " + lineNumber + " comes before any [profile] "
            + "header; start the file with [default]");
      }
      current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
    }
    return new AwsCredentialsFile(profiles);
  }

  public boolean hasProfile(String name) {
    return profiles.containsKey(name);
  }

  /**
   * The key pair of {@code profile} (null: "default", or the only profile if there is just one);
   * {@code source} names the file in error messages.
   */
  public AwsCredentials credentials(String profile, String source) {
    String name = profile == null || profile.isBlank() ? DEFAULT_PROFILE : profile.strip();
    Map<String, String> values = profiles.get(name);
    if (values == null && profile == null && profiles.size() == 1) {
      values = profiles.values().iterator().next();
    }
    if (values == null) {
      throw new ObjectStoreException(source + " has no [" + name + "] profile"
          + (profiles.isEmpty() ? "" : "; it has " + String.join(", ", profiles.keySet())));
    }
    String id = values.get("aws_access_key_id");
    String secret = values.get("aws_secret_access_key");
    if (id == null || id.isEmpty() || secret == null || secret.isEmpty()) {
      throw new ObjectStoreException(source + " profile [" + name + "] needs both aws_access_key_id and "
          + "aws_secret_access_key");
    }
    return new AwsCredentials(id, secret);
  }
}
