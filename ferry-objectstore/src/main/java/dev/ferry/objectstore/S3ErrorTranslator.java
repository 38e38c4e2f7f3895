package dev.ferry.objectstore;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns SDK exceptions into {@link ObjectStoreException}s that say what is wrong in MigStorage's
 * terms and what to change. Messages never carry the access key id or the secret, and errors
 * about credentials do not chain the SDK exception (a server may echo the key id in it).
 */
record S3ErrorTranslator(S3Settings settings, String store, String endpoint) {
  private static final Set<String> CREDENTIAL_CODES = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
      "AccessDenied", "InvalidToken", "ExpiredToken", "TokenRefreshRequired", "InvalidSecurity",
      "RequestTimeTooSkewed");
  /** AWS answers a request signed for the wrong region with one of these. */
  private static final Set<String> REGION_CODES = Set.of("PermanentRedirect", "IllegalLocationConstraintException",
      "AuthorizationHeaderMalformed");

  S3ErrorTranslator(S3Settings settings, String store) {
    this(settings, store, settings.endpoint() == null || settings.endpoint().isBlank()
        ? "https://s3." + settings.effectiveRegion() + ".amazonaws.com"
        : settings.endpoint().trim());
  }

  /** {@code action} is a verb phrase ("get", "list"); {@code key} may be null. */
  ObjectStoreException translate(String action, String key, RuntimeException e) {
    String what = action + (key == null ? "" : " of " + ObjectKeys.printable(key));
    if (e instanceof S3Exception s3) {
      return fromService(what, key, s3);
    }
    Throwable tls = NetworkFailures.tls(e);
    if (tls != null) {
      String hint = String.valueOf(tls.getMessage()).contains("Unsupported or unrecognized SSL message")
          ? "the endpoint does not speak TLS on that port: use http:// in awsS3Url, or the endpoint's TLS port"
          : "set s3CustomCABundle to the CA that signed the endpoint's certificate (or insecure: true, for test "
              + "installations only)";
      return new ObjectStoreException(redact("TLS handshake with S3 endpoint " + endpoint + " failed during " + what
          + ": " + tls.getMessage() + "; " + hint), e, ObjectStoreException.Failure.TLS);
    }
    Throwable network = NetworkFailures.find(e, ConnectException.class, UnknownHostException.class,
        NoRouteToHostException.class, SocketTimeoutException.class);
    if (network != null) {
      return new ObjectStoreException(redact("cannot reach S3 endpoint " + endpoint + ": "
          + network.getClass().getSimpleName() + ": " + network.getMessage()
          + "; check the endpoint/URL (awsS3Url) and the network between Ferry and the store"), e,
          ObjectStoreException.Failure.UNREACHABLE);
    }
    return new ObjectStoreException(redact("S3 " + what + " in " + store + " failed: " + e.getMessage()), e);
  }

  private ObjectStoreException fromService(String what, String key, S3Exception e) {
    AwsErrorDetails details = e.awsErrorDetails();
    String code = details == null || details.errorCode() == null ? "" : details.errorCode();
    int status = e.statusCode();
    String bucket = settings.bucket();
    if (e instanceof NoSuchBucketException || code.equals("NoSuchBucket")) {
      return new ObjectStoreException("bucket " + bucket + " does not exist at " + endpoint
          + ": create it or fix awsBucketName", null, ObjectStoreException.Failure.MISSING_BUCKET);
    }
    if (e instanceof NoSuchKeyException || code.equals("NoSuchKey") || (status == 404 && key != null)) {
      return new ObjectNotFoundException("object " + ObjectKeys.printable(key) + " does not exist in " + store);
    }
    if (REGION_CODES.contains(code) || status == 301) {
      String actual = details == null || details.sdkHttpResponse() == null ? null
          : details.sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null);
      return new ObjectStoreException("bucket " + bucket + " is not in region " + settings.effectiveRegion()
          + (actual == null ? "" : " but in " + actual) + ": set awsRegion"
          + (actual == null ? " to the bucket's region" : " to " + actual)
          + (details == null || details.errorMessage() == null ? "" : " (" + redact(details.errorMessage()) + ")"));
    }
    if (CREDENTIAL_CODES.contains(code) || status == 401 || status == 403) {
      String hint = code.equals("RequestTimeTooSkewed")
          ? "the clock of this machine and the store's differ too much; fix time synchronisation"
          : "check the Secret referenced by credsSecretRef (" + AwsCredentials.ACCESS_KEY_ID + ", "
              + AwsCredentials.SECRET_ACCESS_KEY + ") and that this user may read and write the bucket";
      return new ObjectStoreException("S3 rejected the credentials for bucket " + bucket + " at " + endpoint + " ("
          + (code.isEmpty() ? "access denied" : code) + ", HTTP " + status + ", during " + what + "): " + hint, null,
          ObjectStoreException.Failure.CREDENTIALS);
    }
    String message = details == null || details.errorMessage() == null ? e.getMessage() : details.errorMessage();
    return new ObjectStoreException(redact("S3 " + what + " in " + store + " failed: "
        + (code.isEmpty() ? "" : code + ", ")
        + "HTTP " + status + ": " + message), e);
  }

  /** Belt and braces: whatever a server or the SDK put in a message, our message never shows the keys. */
  String redact(String message) {
    String out = message;
    for (String secret : new String[] {settings.secretAccessKey(), settings.accessKeyId()}) {
      if (secret != null && secret.trim().length() >= 4) {
        out = out.replace(secret.trim(), "<redacted>");
      }
    }
    return out;
  }
}
