package dev.ferry.objectstore;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import javax.net.ssl.TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.AttributeMap;

/** Turns {@link S3Settings} into a configured SDK client, checking the settings on the way. */
final class S3Clients {
  private static final Logger LOG = LoggerFactory.getLogger(S3Clients.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Per read, not per request: a 5 GiB upload may take long, a silent server may not. */
  private static final Duration SOCKET_TIMEOUT = Duration.ofMinutes(2);

  /** The SDK client and the HTTP client under it; the SDK does not close an HTTP client it was handed. */
  record Connection(S3Client s3, SdkHttpClient http) implements AutoCloseable {
    @Override
    public void close() {
      s3.close();
      http.close();
    }
  }

  private S3Clients() {
  }

  static Connection connect(S3Settings settings) {
    check(settings);
    URI endpoint = endpoint(settings.endpoint());
    SdkHttpClient http = httpClient(settings);
    var builder = S3Client.builder()
        .region(Region.of(settings.effectiveRegion()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(settings.accessKeyId().trim(), settings.secretAccessKey().trim())))
        .httpClient(http)
        .forcePathStyle(settings.forcePathStyle() || (endpoint != null && isIpOrLocalhost(endpoint.getHost())))
        // S3-compatible servers (MinIO, Ceph RGW, NooBaa, S3Proxy) reject or mis-verify the SDK's
        // default CRC trailers on uploads; checksums only where S3 demands them works everywhere.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    try {
      return new Connection(builder.build(), http);
    } catch (RuntimeException e) {
      http.close();
      throw new ObjectStoreException("cannot configure the S3 client for bucket " + settings.bucket() + ": "
          + e.getMessage(), e);
    }
  }

  private static void check(S3Settings settings) {
    if (settings.bucket() == null || settings.bucket().isBlank()) {
      throw new ObjectStoreException("the S3 bucket name (awsBucketName) is empty: set it to the bucket that holds "
          + "the replication repository");
    }
    if (isBlank(settings.accessKeyId()) || isBlank(settings.secretAccessKey())) {
      throw new ObjectStoreException("no credentials for bucket " + settings.bucket() + ": the Secret referenced by "
          + "credsSecretRef must hold " + AwsCredentials.ACCESS_KEY_ID + " and " + AwsCredentials.SECRET_ACCESS_KEY);
    }
    String version = settings.signatureVersion() == null ? "" : settings.signatureVersion().trim();
    if (!(version.isEmpty() || version.equals("4") || version.equalsIgnoreCase("v4")
        || version.equalsIgnoreCase("s3v4"))) {
      // The SDK signs with SigV4 only; better to say so than to fail later with a signature error.
      throw new ObjectStoreException("awsSignatureVersion " + version + " is not supported: Ferry signs S3 requests "
          + "with signature version 4; remove the field or set it to 4");
    }
  }

  /** The endpoint as a URI, or null for AWS itself. */
  static URI endpoint(String text) {
    if (isBlank(text)) {
      return null;
    }
    String trimmed = text.trim();
    URI uri;
    try {
      uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
    } catch (URISyntaxException e) {
      throw new ObjectStoreException("S3 endpoint (awsS3Url) '" + trimmed + "' is not a URL: " + e.getMessage());
    }
    if (uri.getScheme() == null || uri.getHost() == null
        || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
      throw new ObjectStoreException("S3 endpoint (awsS3Url) '" + trimmed + "' must be an http:// or https:// URL "
          + "with a host, e.g. https://s3.openshift-storage.svc:443");
    }
    if (uri.getUserInfo() != null) {
      throw new ObjectStoreException("S3 endpoint (awsS3Url) must not carry credentials; put them in the Secret "
          + "referenced by credsSecretRef");
    }
    return uri;
  }

  private static SdkHttpClient httpClient(S3Settings settings) {
    UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT);
    if (settings.insecureSkipTlsVerify()) {
      LOG.warn("TLS certificate verification is off for S3 bucket {} (insecure: true); use a CA bundle instead "
          + "outside test installations", settings.bucket());
      return http.buildWithDefaults(AttributeMap.builder()
          .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, Boolean.TRUE).build());
    }
    if (!isBlank(settings.caBundle())) {
      TrustManager[] trustManagers = CaBundle.parse(settings.caBundle()).trustManagers();
      http.tlsTrustManagersProvider(() -> trustManagers);
    }
    return http.build();
  }

  /** Virtual-host addressing (bucket.host) cannot work for an IP address or localhost. */
  private static boolean isIpOrLocalhost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (h.contains(":") || h.matches("[0-9.]+")) {
      try {
        InetAddress.getByName(h); // literal: no DNS lookup happens
        return true;
      } catch (java.net.UnknownHostException e) {
        return false;
      }
    }
    return false;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
