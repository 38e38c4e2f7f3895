package dev.ferry.images;

import static dev.ferry.images.RegistryHttp.errorBody;
import static dev.ferry.images.RegistryHttp.pull;
import static dev.ferry.images.RegistryHttp.push;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The OCI distribution API of one registry: manifests and blobs (HEAD, GET, cross-repository
 * mount, upload). HTTP, errors and authentication (anonymous, basic, bearer-token challenge,
 * static bearer token) are {@link RegistryHttp}'s and {@link RegistryAuth}'s, uploads
 * {@link BlobUpload}'s, TLS {@link RegistryTls}'s. Thread-safe; blob transfers may run in
 * parallel.
 */
public final class RegistryClient implements AutoCloseable {
  /** Blobs up to this size are uploaded in one PUT; larger ones in PATCH chunks of this size. */
  public static final int DEFAULT_CHUNK_SIZE = 32 * 1024 * 1024;

  private final RegistryEndpoint endpoint;
  private final RegistryHttp http;
  private final BlobUpload uploads;

  public RegistryClient(RegistryEndpoint endpoint) {
    this(endpoint, DEFAULT_CHUNK_SIZE);
  }

  public RegistryClient(RegistryEndpoint endpoint, int chunkSize) {
    this.endpoint = endpoint;
    this.http = new RegistryHttp(endpoint);
    this.uploads = new BlobUpload(http, chunkSize);
  }

  public RegistryEndpoint endpoint() {
    return endpoint;
  }

  public String host() {
    return endpoint.host();
  }

  // ---- manifests ----

  /** The manifest of {@code repo} at a tag or digest, byte for byte; verified when fetched by digest. */
  public Manifest getManifest(String repo, String reference) {
    String what = "image " + host() + "/" + repo + (Digests.isDigest(reference) ? "@" : ":") + reference;
    HttpResponse<byte[]> r = http.send("GET", http.uri("/v2/" + repo + "/manifests/" + reference), pull(repo),
        Map.of("Accept", MediaTypes.acceptHeader()), null, BodyHandlers.ofByteArray(), what);
    if (r.statusCode() != 200) {
      throw http.failure(r.statusCode(), errorBody(r.body()), what, "fetching the manifest of");
    }
    Manifest m = Manifest.of(r.body(), r.headers().firstValue("Content-Type").orElse(null), what);
    if (Digests.isDigest(reference) && !reference.equals(m.digest())) {
      throw new ImageException("the manifest served for " + what + " hashes to " + m.digest()
          + ": the registry returned corrupt or converted content; check the registry's storage");
    }
    return m;
  }

  /** The digest the registry has for {@code repo} at a tag or digest, if it has that manifest. */
  public Optional<String> manifestDigest(String repo, String reference) {
    String what = "image " + host() + "/" + repo + ":" + reference;
    HttpResponse<Void> r = http.send("HEAD", http.uri("/v2/" + repo + "/manifests/" + reference), pull(repo),
        Map.of("Accept", MediaTypes.acceptHeader()), null, BodyHandlers.discarding(), what);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw http.failure(r.statusCode(), "", what, "checking the manifest of");
    }
    return r.headers().firstValue("Docker-Content-Digest");
  }

  /** Pushes the exact bytes under a tag or digest; returns the registry's Docker-Content-Digest. */
  public String putManifest(String repo, String reference, Manifest manifest) {
    String what = "image " + host() + "/" + repo + (Digests.isDigest(reference) ? "@" : ":") + reference;
    HttpResponse<String> r = http.send("PUT", http.uri("/v2/" + repo + "/manifests/" + reference), push(repo),
        Map.of("Content-Type", manifest.mediaType()), () -> BodyPublishers.ofByteArray(manifest.content()),
        BodyHandlers.ofString(), what);
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw http.failure(r.statusCode(), errorBody(r.body()), what, "pushing the manifest of");
    }
    String digest = r.headers().firstValue("Docker-Content-Digest").orElse(manifest.digest());
    if (!digest.equals(manifest.digest())) {
      throw new ImageException("registry " + host() + " stored the manifest of " + what + " as " + digest
          + " instead of " + manifest.digest() + ": it rewrote the manifest, so digests would not be preserved");
    }
    return digest;
  }

  // ---- blobs ----

  public boolean blobExists(String repo, String digest) {
    String what = "blob " + digest + " of " + host() + "/" + repo;
    HttpResponse<Void> r = http.send("HEAD", http.uri("/v2/" + repo + "/blobs/" + digest), pull(repo), Map.of(), null,
        BodyHandlers.discarding(), what);
    if (r.statusCode() == 200) {
      return true;
    }
    if (r.statusCode() == 404) {
      return false;
    }
    throw http.failure(r.statusCode(), "", what, "checking");
  }

  /**
   * Asks the registry to link a blob it already holds in {@code fromRepo} into {@code repo}
   * without any upload. False if it would not (then the blob must be uploaded).
   */
  public boolean mountBlob(String repo, String digest, String fromRepo) {
    String what = "blob " + digest + " of " + host() + "/" + repo;
    URI u = http.uri("/v2/" + repo + "/blobs/uploads/?mount=" + RegistryHttp.enc(digest) + "&from="
        + RegistryHttp.enc(fromRepo));
    HttpResponse<Void> r = http.send("POST", u, push(repo) + " " + pull(fromRepo), Map.of(), BodyPublishers::noBody,
        BodyHandlers.discarding(), what);
    if (r.statusCode() == 201) {
      return true;
    }
    if (r.statusCode() == 202) {
      uploads.cancelUpload(r, repo); // the registry opened an upload instead; the caller uploads afresh
      return false;
    }
    throw http.failure(r.statusCode(), "", what, "mounting");
  }

  /**
   * A stream of the blob's content that fails at its end if the content does not match the
   * digest. Redirects (to object storage) are followed without our credentials.
   */
  public InputStream openBlob(String repo, Descriptor blob) {
    String what = "blob " + blob.digest() + " of " + host() + "/" + repo;
    HttpResponse<InputStream> r = http.send("GET", http.uri("/v2/" + repo + "/blobs/" + blob.digest()), pull(repo),
        Map.of(), null, BodyHandlers.ofInputStream(), what);
    for (int hops = 0; hops < 5 && RegistryHttp.isRedirect(r.statusCode()); hops++) {
      RegistryHttp.closeQuietly(r.body());
      URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow(
          () -> new ImageException("registry " + host() + " redirected " + what + " without a Location")));
      r = http.sendPlain(HttpRequest.newBuilder(next).GET().build(), BodyHandlers.ofInputStream(), what);
    }
    if (r.statusCode() != 200) {
      String body = RegistryHttp.readErrorQuietly(r.body());
      throw http.failure(r.statusCode(), body, what, "downloading");
    }
    return new DigestVerifyingInputStream(r.body(), blob.digest(), blob.size());
  }

  /**
   * Uploads a blob: one PUT when it fits in a chunk, else PATCH chunks. The content is streamed
   * from {@code content} (so a copy downloads and uploads at once) and must be exactly the
   * blob's bytes; {@code sent} is told of every chunk the registry accepted.
   */
  public void pushBlob(String repo, Descriptor blob, InputStream content, LongConsumer sent) {
    uploads.pushBlob(repo, blob, content, sent);
  }

  /** Nothing to release on Java 17: the JDK client's connections close when it is collected. */
  @Override
  public void close() {
  }
}
