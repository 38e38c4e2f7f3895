package dev.ferry.images;

import static dev.ferry.images.RegistryHttp.errorBody;
import static dev.ferry.images.RegistryHttp.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Blob uploads to one registry: monolithic PUT for a blob that fits in a chunk, PATCH chunks
 * otherwise, streamed from the source so a copy downloads and uploads at once. The digest is
 * verified as the last bytes go out; a mismatch is reported as corrupt source content.
 */
final class BlobUpload {
  private final RegistryHttp http;
  private final int chunkSize;

  BlobUpload(RegistryHttp http, int chunkSize) {
    this.http = http;
    this.chunkSize = chunkSize;
  }

  private String host() {
    return http.host();
  }

  /**
   * Uploads a blob: one PUT when it fits in a chunk, else PATCH chunks. The content is streamed
   * from {@code content} (so a copy downloads and uploads at once) and must be exactly the
   * blob's bytes; {@code sent} is told of every chunk the registry accepted.
   */
  void pushBlob(String repo, Descriptor blob, InputStream content, LongConsumer sent) {
    String what = "blob " + blob.digest() + " of " + host() + "/" + repo;
    MismatchWatch watched = new MismatchWatch(content);
    try {
      URI location = startUpload(repo, what);
      if (blob.size() < 0) {
        throw new ImageException(what + " has no size in its manifest; it cannot be uploaded");
      }
      if (blob.size() <= chunkSize) {
        // The whole stream, to its end: the digest is verified as the last bytes go out.
        HttpResponse<String> r = http.send("PUT", withDigest(location, blob.digest()), push(repo),
            Map.of("Content-Type", "application/octet-stream"), streamed(watched, blob.size(), false),
            BodyHandlers.ofString(), what);
        watched.rethrow();
        if (r.statusCode() != 201) {
          throw http.failure(r.statusCode(), errorBody(r.body()), what, "uploading");
        }
        sent.accept(blob.size());
        return;
      }
      long offset = 0;
      while (offset < blob.size()) {
        long length = Math.min(chunkSize, blob.size() - offset);
        HttpResponse<String> r = http.send("PATCH", location, push(repo), Map.of(
                "Content-Type", "application/octet-stream", "Content-Range", offset + "-" + (offset + length - 1)),
            streamed(watched, length, true), BodyHandlers.ofString(), what);
        watched.rethrow();
        if (r.statusCode() != 202) {
          throw http.failure(r.statusCode(), errorBody(r.body()), what, "uploading a chunk of");
        }
        location = nextLocation(r, location, what);
        offset += length;
        sent.accept(length);
      }
      drain(watched); // reaching the end verifies the digest before the upload is committed
      HttpResponse<String> r = http.send("PUT", withDigest(location, blob.digest()), push(repo), Map.of(),
          BodyPublishers::noBody, BodyHandlers.ofString(), what);
      if (r.statusCode() != 201) {
        throw http.failure(r.statusCode(), errorBody(r.body()), what, "completing the upload of");
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
  private static RegistryHttp.Body streamed(InputStream in, long length, boolean bounded) {
    InputStream body = bounded ? new BoundedStream(in, length) : new java.io.FilterInputStream(in) {
      @Override
      public void close() {
        // the caller closes the source
      }
    };
    return new RegistryHttp.Body() {
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
    HttpResponse<String> r = http.send("POST", http.uri("/v2/" + repo + "/blobs/uploads/"), push(repo), Map.of(),
        BodyPublishers::noBody, BodyHandlers.ofString(), what);
    if (r.statusCode() != 202) {
      throw http.failure(r.statusCode(), errorBody(r.body()), what, "starting the upload of");
    }
    return nextLocation(r, r.uri(), what);
  }

  private URI nextLocation(HttpResponse<?> r, URI base, String what) {
    String location = r.headers().firstValue("Location").orElseThrow(() -> new ImageException(
        "registry " + host() + " answered the upload of " + what + " without a Location header"));
    return base.resolve(location);
  }

  void cancelUpload(HttpResponse<?> r, String repo) {
    r.headers().firstValue("Location").ifPresent(loc -> {
      try {
        http.send("DELETE", r.uri().resolve(loc), push(repo), Map.of(), null, BodyHandlers.discarding(), "an upload");
      } catch (RuntimeException e) {
        // An abandoned upload session expires on its own.
      }
    });
  }

  private static URI withDigest(URI location, String digest) {
    String s = location.toString();
    return URI.create(s + (location.getQuery() == null ? "?" : "&") + "digest=" + RegistryHttp.enc(digest));
  }

  private static void drain(InputStream in) throws IOException {
    if (in instanceof DigestVerifyingInputStream v) {
      v.drainAndVerify();
    } else if (in.read() >= 0) {
      throw new IOException("the content is longer than its declared size");
    }
  }
}
