package dev.ferry.images;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An image in a registry: {@code registry/repository} plus a tag or a digest
 * ({@code 127.0.0.1:5000/shop/web:v1}, {@code registry.example.com/shop/web@sha256:...}).
 * When both are given ({@code repo:tag@sha256:...}) the digest is what is fetched.
 */
public record ImageRef(String registry, String repository, String tag, String digest) {
  private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
      + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  public ImageRef {
    Objects.requireNonNull(registry, "registry");
    if (registry.isBlank() || registry.contains("/")) {
      throw new ImageException("'" + registry + "' is not a registry host (expected host or host:port)");
    }
    if (repository == null || !REPOSITORY.matcher(repository).matches()) {
      throw new ImageException("'" + repository + "' is not a valid repository name (lowercase path "
          + "components such as shop/web) in image " + registry + "/" + repository);
    }
    if (tag != null && !TAG.matcher(tag).matches()) {
      throw new ImageException("'" + tag + "' is not a valid tag of " + registry + "/" + repository);
    }
    if (digest != null) {
      Digests.requireValid(digest, "image " + registry + "/" + repository);
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
  }

  public static ImageRef of(String registry, String repository, String tagOrDigest) {
    return Digests.isDigest(tagOrDigest)
        ? new ImageRef(registry, repository, null, tagOrDigest)
        : new ImageRef(registry, repository, tagOrDigest, null);
  }

  /**
   * Parses {@code host[:port]/repo[:tag][@digest]}. The first path component is always the
   * registry: Ferry only handles images of explicitly named registries (a cluster's).
   */
  public static ImageRef parse(String reference) {
    if (reference == null || reference.isBlank()) {
      throw new ImageException("an image reference is empty");
    }
    String rest = reference.trim();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
    }
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      throw new ImageException("image reference '" + reference + "' names no registry: expected "
          + "host[:port]/repository[:tag][@sha256:...]");
    }
    String registry = rest.substring(0, slash);
    String path = rest.substring(slash + 1);
    String tag = null;
    int colon = path.lastIndexOf(':');
    if (colon >= 0) {
      tag = path.substring(colon + 1);
      path = path.substring(0, colon);
    }
    return new ImageRef(registry, path, tag, digest);
  }

  /** The tag or, if there is a digest, the digest: what the manifest endpoint is asked for. */
  public String reference() {
    return digest != null ? digest : tag;
  }

  public ImageRef withDigest(String newDigest) {
    return new ImageRef(registry, repository, null, newDigest);
  }

  public ImageRef withTag(String newTag) {
    return new ImageRef(registry, repository, newTag, null);
  }

  public ImageRef inRepository(String newRegistry, String newRepository) {
    return new ImageRef(newRegistry, newRepository, tag, digest);
  }

  /** {@code registry/repository}: the image without tag or digest. */
  public String name() {
    return registry + "/" + repository;
  }

  @Override
  public String toString() {
    return name() + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
