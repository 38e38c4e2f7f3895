package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The mapping of SDK errors to messages, for the cases a local S3 server cannot produce. */
class S3ErrorTranslatorTest {
  private final S3Settings settings = S3Settings.builder().bucket("repo").region("us-east-1")
      .credentials("AKIDVISIBLE", "TOPSECRETVALUE").build();
  private final S3ErrorTranslator translator = new S3ErrorTranslator(settings, "s3://repo/ (AWS region us-east-1)");

  @Test
  void wrongRegionNamesTheRightOne() {
    S3Exception e = service(301, "PermanentRedirect", "The bucket you are attempting to access must be addressed "
        + "using the specified endpoint.", "eu-central-1");
    assertThat(translator.translate("list", null, e).getMessage())
        .contains("bucket repo is not in region us-east-1 but in eu-central-1: set awsRegion to eu-central-1");
  }

  @Test
  void accessDeniedIsAboutTheCredentialsAndRedacted() {
    S3Exception e = service(403, "AccessDenied", "Access Denied for AKIDVISIBLE", null);
    ObjectStoreException mapped = translator.translate("put", "backups/b1/x", e);
    assertThat(mapped.getMessage()).contains("S3 rejected the credentials for bucket repo")
        .contains("credsSecretRef").doesNotContain("AKIDVISIBLE");
    assertThat(mapped.getCause()).as("the SDK exception may echo the key id").isNull();
  }

  @Test
  void missingKeyAndBucket() {
    assertThat(translator.translate("get", "k", service(404, "NoSuchKey", "gone", null)))
        .isInstanceOf(ObjectNotFoundException.class).hasMessageContaining("object k does not exist");
    assertThat(translator.translate("put", "k", service(404, "NoSuchBucket", "gone", null)))
        .isNotInstanceOf(ObjectNotFoundException.class)
        .hasMessage("bucket repo does not exist at https://s3.us-east-1.amazonaws.com: create it or fix awsBucketName");
  }

  @Test
  void networkAndTlsFailures() {
    assertThat(translator.translate("list", null, SdkClientException.create("Unable to execute HTTP request",
        new UnknownHostException("s3.example.invalid"))).getMessage())
        .startsWith("cannot reach S3 endpoint https://s3.us-east-1.amazonaws.com: UnknownHostException")
        .contains("check the endpoint/URL");
    assertThat(translator.translate("list", null, SdkClientException.create("x", new ConnectException("refused")))
        .getMessage()).contains("cannot reach");
    assertThat(translator.translate("list", null, SdkClientException.create("x",
        new SSLHandshakeException("PKIX path building failed"))).getMessage())
        .contains("TLS handshake").contains("PKIX path building failed").contains("s3CustomCABundle");
  }

  @Test
  void otherErrorsKeepTheServerMessageWithoutSecrets() {
    assertThat(translator.translate("put", "k", service(500, "InternalError", "boom TOPSECRETVALUE", null))
        .getMessage()).isEqualTo("S3 put of k in s3://repo/ (AWS region us-east-1) failed: InternalError, "
        + "HTTP 500: boom <redacted>");
  }

  private static S3Exception service(int status, String code, String message, String regionHeader) {
    SdkHttpResponse.Builder http = SdkHttpResponse.builder().statusCode(status);
    if (regionHeader != null) {
      http.putHeader("x-amz-bucket-region", regionHeader);
    }
    return (S3Exception) S3Exception.builder().statusCode(status).message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
            .sdkHttpResponse(http.build()).build())
        .build();
  }
}
