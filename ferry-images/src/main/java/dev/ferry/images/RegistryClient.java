package dev.ferry.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.objectstore.CaBundle;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The OCI distribution API of one registry, on the JDK HttpClient: manifests, blobs (HEAD, GET,
 * cross-repository mount, monolithic and chunked upload) and authentication (anonymous, basic,
 * bearer-token challenge, static bearer token). Thread-safe; blob transfers may run in parallel.
 */
public final class RegistryClient implements AutoCloseable {
  /** Blobs up to this size are uploaded in one PUT; larger ones in PATCH chunks of this size. */
  public static final int DEFAULT_CHUNK_SIZE = 32 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);

  private final RegistryEndpoint endpoint;
  private final HttpClient http;
  private final int chunkSize;
  /** Authorization header value per token scope, learned from challenges. */
  private final Map<String, String> authorizations = new ConcurrentHashMap<>();
  private volatile String basicAuthorization;

  public RegistryClient(RegistryEndpoint endpoint) {
    this(endpoint, DEFAULT_CHUNK_SIZE);
  }

  public RegistryClient(RegistryEndpoint endpoint, int chunkSize) {
    this.endpoint = endpoint;
    this.chunkSize = chunkSize;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER);
    if (!endpoint.plainHttp()) {
      builder.sslContext(sslContext(endpoint));
    }
    this.http = builder.build();
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
    HttpResponse<byte[]> r = send("GET", manifestUri(repo, reference), pull(repo),
        Map.of("Accept", MediaTypes.acceptHeader()), null, BodyHandlers.ofByteArray(), what);
    if (r.statusCode() != 200) {
      throw failure(r.statusCode(), errorBody(r.body()), what, "fetching the manifest of");
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
    HttpResponse<Void> r = send("HEAD", manifestUri(repo, reference), pull(repo),
        Map.of("Accept", MediaTypes.acceptHeader()), null, BodyHandlers.discarding(), what);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    if (r.statusCode() != 200) {
      throw failure(r.statusCode(), "", what, "checking the manifest of");
    }
    return r.headers().firstValue("Docker-Content-Digest");
  }

  /** Pushes the exact bytes under a tag or digest; returns the registry's Docker-Content-Digest. */
  public String putManifest(String repo, String reference, Manifest manifest) {
    String what = "image " + host() + "/" + repo + (Digests.isDigest(reference) ? "@" : ":") + reference;
    HttpResponse<String> r = send("PUT", manifestUri(repo, reference), push(repo),
        Map.of("Content-Type", manifest.mediaType()), () -> BodyPublishers.ofByteArray(manifest.content()),
        BodyHandlers.ofString(), what);
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw failure(r.statusCode(), errorBody(r.body()), what, "pushing the manifest of");
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
    HttpResponse<Void> r = send("HEAD", uri("/v2/" + repo + "/blobs/" + digest), pull(repo), Map.of(), null,
        BodyHandlers.discarding(), what);
    if (r.statusCode() == 200) {
      return true;
    }
    if (r.statusCode() == 404) {
      return false;
    }
    throw failure(r.statusCode(), "", what, "checking");
  }

  /**
   * Asks the registry to link a blob it already holds in {@code fromRepo} into {@code repo}
   * without any upload. False if it would not (then the blob must be uploaded).
   */
  public boolean mountBlob(String repo, String digest, String fromRepo) {
    String what = "blob " + digest + " of " + host() + "/" + repo;
    URI u = uri("/v2/" + repo + "/blobs/uploads/?mount=" + enc(digest) + "&from=" + enc(fromRepo));
    HttpResponse<Void> r = send("POST", u, push(repo) + " " + pull(fromRepo), Map.of(), BodyPublishers::noBody,
        BodyHandlers.discarding(), what);
    if (r.statusCode() == 201) {
      return true;
    }
    if (r.statusCode() == 202) {
      cancelUpload(r, repo); // the registry opened an upload instead; the caller uploads afresh
      return false;
    }
    throw failure(r.statusCode(), "", what, "mounting");
  }

  /**
   * A stream of the blob's content that fails at its end if the content does not match the
   * digest. Redirects (to object storage) are followed without our credentials.
   */
  public InputStream openBlob(String repo, Descriptor blob) {
    String what = "blob " + blob.digest() + " of " + host() + "/" + repo;
    HttpResponse<InputStream> r = send("GET", uri("/v2/" + repo + "/blobs/" + blob.digest()), pull(repo), Map.of(),
        null, BodyHandlers.ofInputStream(), what);
    for (int hops = 0; hops < 5 && isRedirect(r.statusCode()); hops++) {
      closeQuietly(r.body());
      URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow(
          () -> new ImageException("registry " + host() + " redirected " + what + " without a Location")));
      r = sendPlain(HttpRequest.newBuilder(next).GET().build(), BodyHandlers.ofInputStream(), what);
    }
    if (r.statusCode() != 200) {
      String body = readErrorQuietly(r.body());
      throw failure(r.statusCode(), body, what, "downloading");
    }
    return new DigestVerifyingInputStream(r.body(), blob.digest(), blob.size());
  }

  /**
   * Uploads a blob: one PUT when it fits in a chunk, else PATCH chunks. The content is streamed
   * from {@code content} (so a copy downloads and uploads at once) and must be exactly the
   * blob's bytes; {@code sent} is told of every chunk the registry accepted.
   */
  public void pushBlob(String repo, Descriptor blob, InputStream content, LongConsumer sent) {
    String what = "blob " + blob.digest() + " of " + host() + "/" + repo;
    MismatchWatch watched = new MismatchWatch(content);
    try {
      URI location = startUpload(repo, what);
      if (blob.size() < 0) {
        throw new ImageException(what + " has no size in its manifest; it cannot be uploaded");
      }
      if (blob.size() <= chunkSize) {
        // The whole stream, to its end: the digest is verified as the last bytes go out.
        HttpResponse<String> r = send("PUT", withDigest(location, blob.digest()), push(repo),
            Map.of("Content-Type", "application/octet-stream"), streamed(watched, blob.size(), false),
            BodyHandlers.ofString(), what);
        watched.rethrow();
        if (r.statusCode() != 201) {
          throw failure(r.statusCode(), errorBody(r.body()), what, "uploading");
        }
        sent.accept(blob.size());
        return;
      }
      long offset = 0;
      while (offset < blob.size()) {
        long length = Math.min(chunkSize, blob.size() - offset);
        HttpResponse<String> r = send("PATCH", location, push(repo), Map.of(
                "Content-Type", "application/octet-stream", "Content-Range", offset + "-" + (offset + length - 1)),
            streamed(watched, length, true), BodyHandlers.ofString(), what);
        watched.rethrow();
        if (r.statusCode() != 202) {
          throw failure(r.statusCode(), errorBody(r.body()), what, "uploading a chunk of");
        }
        location = nextLocation(r, location, what);
        offset += length;
        sent.accept(length);
      }
      drain(watched); // reaching the end verifies the digest before the upload is committed
      HttpResponse<String> r = send("PUT", withDigest(location, blob.digest()), push(repo), Map.of(),
          BodyPublishers::noBody, BodyHandlers.ofString(), what);
      if (r.statusCode() != 201) {
        throw failure(r.statusCode(), errorBody(r.body()), what, "completing the upload of");
      }
    } catch (ImageException e) {
      if (watched.mismatch != null) {
        throw corrupt(blob, repo, watched.mismatch);
      }
      throw e;
    } catch (BlobDigestMismatchException e) {
      throw corrupt(blob, repo, e);
    } catch (IOException e) {
      throw new ImageException("reading " + what + " failed: " + e.getMessage(), e);
    }
  }

  private ImageException corrupt(Descriptor blob, String repo, BlobDigestMismatchException e) {
    return new ImageException("blob " + blob.digest() + " is corrupt where it was read from (its "
        + e.getMessage().replace("content of blob " + blob.digest() + " ", "content ")
        + ") and was not stored in " + host() + "/" + repo + "; push the image to its source again", e);
  }

  /**
   * A one-shot body of {@code length} bytes read from {@code in}; {@code bounded} stops there
   * (a chunk) instead of reading to the end of the stream.
   */
  private static Body streamed(InputStream in, long length, boolean bounded) {
    InputStream body = bounded ? new BoundedStream(in, length) : new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // the caller closes the source
      }
    };
    return new Body() {
      @Override
      public BodyPublisher publisher() {
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> body), length);
      }

      @Override
      public boolean replayable() {
        return false;
      }
    };
  }

  /** Remembers a digest mismatch raised inside the HTTP client's body publisher. */
  private static final class MismatchWatch extends java.io.FilterInputStream {
    private volatile BlobDigestMismatchException mismatch;

    MismatchWatch(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (BlobDigestMismatchException e) {
        mismatch = e;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (BlobDigestMismatchException e) {
        mismatch = e;
        throw e;
      }
    }

    void rethrow() throws BlobDigestMismatchException {
      if (mismatch != null) {
        throw mismatch;
      }
    }
  }

  /** At most {@code limit} bytes of a stream, leaving the rest (and the stream) open. */
  private static final class BoundedStream extends InputStream {
    private final InputStream in;
    private long left;

    BoundedStream(InputStream in, long limit) {
      this.in = in;
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  private URI startUpload(String repo, String what) {
    HttpResponse<String> r = send("POST", uri("/v2/" + repo + "/blobs/uploads/"), push(repo), Map.of(),
        BodyPublishers::noBody, BodyHandlers.ofString(), what);
    if (r.statusCode() != 202) {
      throw failure(r.statusCode(), errorBody(r.body()), what, "starting the upload of");
    }
    return nextLocation(r, r.uri(), what);
  }

  private URI nextLocation(HttpResponse<?> r, URI base, String what) {
    String location = r.headers().firstValue("Location").orElseThrow(() -> new ImageException(
        "registry " + host() + " answered the upload of " + what + " without a Location header"));
    return base.resolve(location);
  }

  private void cancelUpload(HttpResponse<?> r, String repo) {
    r.headers().firstValue("Location").ifPresent(loc -> {
      try {
        send("DELETE", r.uri().resolve(loc), push(repo), Map.of(), null, BodyHandlers.discarding(), "an upload");
      } catch (RuntimeException e) {
        // An abandoned upload session expires on its own.
      }
    });
  }

  // ---- transport and auth ----

  /** A replayable request body (re-sent after an authentication challenge). */
  private interface Body {
    BodyPublisher publisher();

    default boolean replayable() {
      return true;
    }
  }

  private <T> HttpResponse<T> send(String method, URI uri, String scope, Map<String, String> headers, Body body,
      BodyHandler<T> handler, String what) {
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .method(method, body == null ? BodyPublishers.noBody() : body.publisher());
      if (!"PATCH".equals(method) && !"PUT".equals(method) || body == null) {
        b.timeout(METADATA_TIMEOUT);
      }
      headers.forEach(b::header);
      String authorization = authorization(scope);
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      HttpResponse<T> r = sendPlain(b.build(), handler, what);
      if (r.statusCode() != 401 || attempt > 0 || body != null && !body.replayable()) {
        return r;
      }
      String challenge = r.headers().firstValue("WWW-Authenticate").orElse("");
      if (r.body() instanceof InputStream in) {
        closeQuietly(in);
      }
      if (!authenticate(AuthChallenge.parse(challenge), scope, what)) {
        return r;
      }
    }
  }

  private <T> HttpResponse<T> sendPlain(HttpRequest request, BodyHandler<T> handler, String what) {
    try {
      return http.send(request, handler);
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new ImageException("registry " + host() + " is unreachable (" + describe(e) + ") while handling " + what
          + ": check that the registry runs and that its address (a MigCluster's exposedRegistryPath) is right "
          + "and reachable from the controller", e);
    } catch (HttpTimeoutException e) {
      throw new ImageException("registry " + host() + " did not answer in time while handling " + what
          + ": check the registry's health and load", e);
    } catch (SSLException e) {
      throw new ImageException("TLS with registry " + host() + " failed (" + e.getMessage() + ") while handling "
          + what + ": give the registry's CA certificate, or mark it insecure if it has no valid certificate", e);
    } catch (IOException e) {
      throw new ImageException("the connection to registry " + host() + " failed (" + describe(e)
          + ") while handling " + what + ": check the registry and retry", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted while handling " + what, e);
    }
  }

  private String authorization(String scope) {
    String learned = authorizations.get(scope);
    if (learned != null) {
      return learned;
    }
    if (basicAuthorization != null) {
      return basicAuthorization;
    }
    if (endpoint.credentials() instanceof RegistryCredentials.Bearer bearer) {
      // OpenShift's registry accepts a service-account token as a bearer token directly.
      return "Bearer " + bearer.token();
    }
    return null;
  }

  /** Learns credentials for {@code scope} from a challenge; false if there is nothing more to try. */
  private boolean authenticate(AuthChallenge challenge, String scope, String what) {
    RegistryCredentials credentials = endpoint.credentials();
    if (challenge.isBasic()) {
      if (credentials instanceof RegistryCredentials.Basic basic) {
        basicAuthorization = basicHeader(basic.username(), basic.password());
        return true;
      }
      return false;
    }
    if (challenge.isBearer() && challenge.realm() != null) {
      authorizations.put(scope, "Bearer " + fetchToken(challenge, scope, what));
      return true;
    }
    return false;
  }

  private String fetchToken(AuthChallenge challenge, String scope, String what) {
    StringBuilder q = new StringBuilder(challenge.realm());
    q.append(challenge.realm().contains("?") ? '&' : '?');
    if (challenge.params().containsKey("service")) {
      q.append("service=").append(enc(challenge.params().get("service"))).append('&');
    }
    for (String s : scope.split(" ")) {
      q.append("scope=").append(enc(s)).append('&');
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(q.substring(0, q.length() - 1)))
        .timeout(METADATA_TIMEOUT).GET();
    if (endpoint.credentials() instanceof RegistryCredentials.Basic basic) {
      b.header("Authorization", basicHeader(basic.username(), basic.password()));
    } else if (endpoint.credentials() instanceof RegistryCredentials.Bearer bearer) {
      // Token services of OpenShift's registry take a service-account token as the basic-auth password.
      b.header("Authorization", basicHeader("ferry", bearer.token()));
    }
    HttpResponse<String> r = sendPlain(b.build(), BodyHandlers.ofString(), what);
    if (r.statusCode() != 200) {
      throw failure(r.statusCode(), "", what, "getting a token (from " + challenge.realm() + ") for");
    }
    try {
      JsonNode node = JSON.readTree(r.body());
      String token = node.path("token").asText(node.path("access_token").asText(""));
      if (token.isEmpty()) {
        throw new ImageException("the token service " + challenge.realm() + " of registry " + host()
            + " returned no token for " + what);
      }
      return token;
    } catch (IOException e) {
      throw new ImageException("the token service " + challenge.realm() + " of registry " + host()
          + " returned invalid JSON for " + what, e);
    }
  }

  private ImageException failure(int status, String detail, String what, String doing) {
    String d = detail == null || detail.isBlank() ? "" : ": " + detail;
    return switch (status) {
      case 401 -> new ImageException("registry " + host() + " refused " + doing + " " + what + " (HTTP 401, "
          + "not authenticated with " + endpoint.credentials() + d + "): check the credentials, e.g. the "
          + "MigCluster's service-account token");
      case 403 -> new ImageException("registry " + host() + " denied " + doing + " " + what + " (HTTP 403" + d
          + "): the credentials (" + endpoint.credentials() + ") lack pull/push permission there; grant it "
          + "(for OpenShift: system:image-builder/puller on the namespace)");
      case 404 -> new ImageException(what + " does not exist (HTTP 404 while " + doing + " it" + d
          + "): check the image name, tag or digest, or push the image again");
      default -> new ImageException("registry " + host() + " failed " + doing + " " + what + " (HTTP " + status
          + d + "): check the registry's logs and retry");
    };
  }

  /** The registry's error codes and messages ("MANIFEST_UNKNOWN: manifest unknown"). */
  private static String errorBody(Object body) {
    String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
    try {
      JsonNode errors = JSON.readTree(text).path("errors");
      StringBuilder out = new StringBuilder();
      for (JsonNode e : errors) {
        out.append(out.isEmpty() ? "" : "; ").append(e.path("code").asText()).append(' ')
            .append(e.path("message").asText());
      }
      return out.toString();
    } catch (IOException | RuntimeException e) {
      return text.length() > 200 ? text.substring(0, 200) : text;
    }
  }

  private static String readErrorQuietly(InputStream in) {
    try (in) {
      return errorBody(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "";
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private URI manifestUri(String repo, String reference) {
    return uri("/v2/" + repo + "/manifests/" + reference);
  }

  private URI uri(String path) {
    return URI.create(endpoint.baseUrl() + path);
  }

  private static URI withDigest(URI location, String digest) {
    String s = location.toString();
    return URI.create(s + (location.getQuery() == null ? "?" : "&") + "digest=" + enc(digest));
  }

  private static String pull(String repo) {
    return "repository:" + repo + ":pull";
  }

  private static String push(String repo) {
    return "repository:" + repo + ":pull,push";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static String basicHeader(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static void drain(InputStream in) throws IOException {
    if (in instanceof DigestVerifyingInputStream v) {
      v.drainAndVerify();
    } else if (in.read() >= 0) {
      throw new IOException("the content is longer than its declared size");
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  private static SSLContext sslContext(RegistryEndpoint endpoint) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      TrustManager[] trust;
      if (endpoint.transport() == RegistryEndpoint.Transport.HTTPS_INSECURE) {
        trust = new TrustManager[] {new TrustingAll()};
      } else if (endpoint.caPem() != null && !endpoint.caPem().isBlank()) {
        trust = CaBundle.parse(endpoint.caPem()).trustManagers();
      } else {
        trust = null;
      }
      ctx.init(null, trust, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS for registry " + endpoint.host(), e);
    }
  }

  /** For registries explicitly marked insecure: accepts any certificate and host name. */
  private static final class TrustingAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  /** Nothing to release on Java 17: the JDK client's connections close when it is collected. */
  @Override
  public void close() {
  }
}
