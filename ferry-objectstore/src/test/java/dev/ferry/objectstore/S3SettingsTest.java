package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class S3SettingsTest {
  static final S3Settings SETTINGS = S3Settings.builder().bucket("replication").prefix("/ferry/repo/")
      .endpoint("http://127.0.0.1:1").forcePathStyle(true).credentials("AKIDVISIBLE", "TOPSECRETVALUE")
      .caBundle("irrelevant").build();

  @Test
  void toStringAndDescribeNeverShowCredentials() {
    assertThat(SETTINGS.toString()).doesNotContain("AKIDVISIBLE").doesNotContain("TOPSECRETVALUE")
        .contains("replication").contains("<redacted>");
    try (S3ObjectStore store = new S3ObjectStore(SETTINGS.toBuilder().caBundle(null).build())) {
      assertThat(store.describe()).isEqualTo("s3://replication/ferry/repo/ (http://127.0.0.1:1)")
          .doesNotContain("AKIDVISIBLE").doesNotContain("TOPSECRETVALUE");
    }
  }

  @Test
  void prefixIsNormalised() {
    assertThat(SETTINGS.normalizedPrefix()).isEqualTo("ferry/repo/");
    assertThat(SETTINGS.toBuilder().prefix(null).build().normalizedPrefix()).isEmpty();
    assertThat(SETTINGS.toBuilder().prefix("/").build().normalizedPrefix()).isEmpty();
    assertThatThrownBy(() -> SETTINGS.toBuilder().prefix("a/../b").build().normalizedPrefix())
        .isInstanceOf(InvalidKeyException.class);
  }

  @Test
  void regionDefaultsToUsEast1() {
    assertThat(SETTINGS.effectiveRegion()).isEqualTo("us-east-1");
    assertThat(SETTINGS.toBuilder().region(" eu-west-1 ").build().effectiveRegion()).isEqualTo("eu-west-1");
  }

  @Test
  void badSettingsFailBeforeAnyRequestWithTheFieldToFix() {
    assertThatThrownBy(() -> new S3ObjectStore(SETTINGS.toBuilder().bucket(" ").build()))
        .hasMessageContaining("awsBucketName");
    assertThatThrownBy(() -> new S3ObjectStore(SETTINGS.toBuilder().credentials("AKIDVISIBLE", null).build()))
        .hasMessageContaining("credsSecretRef").hasMessageContaining("aws-secret-access-key");
    assertThatThrownBy(() -> new S3ObjectStore(SETTINGS.toBuilder().endpoint("minio.local:9000").build()))
        .hasMessageContaining("awsS3Url").hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> new S3ObjectStore(SETTINGS.toBuilder().endpoint("https://AKID:SECRET@host").build()))
        .hasMessageContaining("must not carry credentials").hasMessageNotContaining("SECRET@");
    assertThatThrownBy(() -> new S3ObjectStore(SETTINGS.toBuilder().signatureVersion("2").build()))
        .hasMessageContaining("awsSignatureVersion 2 is not supported");
    assertThatThrownBy(() -> new S3ObjectStore(SETTINGS.toBuilder().caBundle("garbage!").build()))
        .hasMessageContaining("CA bundle");
    new S3ObjectStore(SETTINGS.toBuilder().caBundle(null).signatureVersion("4").build()).close();
  }
}
