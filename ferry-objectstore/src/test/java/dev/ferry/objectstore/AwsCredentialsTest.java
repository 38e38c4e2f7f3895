package dev.ferry.objectstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCredentialsTest {

  @Test
  void parsesAVeleroCloudFile() {
    String file = """
        # written by the MTC operator
        [default]
        aws_access_key_id=AKIDEXAMPLE
        aws_secret_access_key = wJalrXUtnFEMI/K7MDENG
        """;
    AwsCredentials c = AwsCredentialsFile.parse(file).credentials(null, "test");
    assertThat(c.accessKeyId()).isEqualTo("AKIDEXAMPLE");
    assertThat(c.secretAccessKey()).isEqualTo("wJalrXUtnFEMI/K7MDENG");
  }

  @Test
  void picksTheRequestedProfileAndAcceptsConfigStyleHeadersAndCrlf() {
    String file = "; comment\r\n[default]\r\naws_access_key_id=A1\r\naws_secret_access_key=S1\r\n\r\n"
        + "[profile backup]\r\nAWS_ACCESS_KEY_ID = A2\r\nAWS_SECRET_ACCESS_KEY = S2\r\n";
    AwsCredentialsFile parsed = AwsCredentialsFile.parse(file);
    assertThat(parsed.credentials("backup", "t").accessKeyId()).isEqualTo("A2");
    assertThat(parsed.credentials(null, "t").accessKeyId()).isEqualTo("A1");
    assertThat(parsed.hasProfile("backup")).isTrue();
  }

  @Test
  void aSingleNonDefaultProfileIsUsedWhenNoneIsAsked() {
    AwsCredentials c = AwsCredentialsFile.parse("[minio]\naws_access_key_id=A\naws_secret_access_key=S\n")
        .credentials(null, "t");
    assertThat(c.accessKeyId()).isEqualTo("A");
  }

  @Test
  void errorsNameTheProblemButNeverTheSecret() {
    assertThatThrownBy(() -> AwsCredentialsFile.parse("[default]\naws_access_key_id=A\n").credentials(null, "Secret s"))
        .hasMessageContaining("aws_secret_access_key");
    assertThatThrownBy(() -> AwsCredentialsFile.parse("[a]\nx=1\n[b]\ny=2\n").credentials(null, "Secret s"))
        .hasMessageContaining("no [default] profile").hasMessageContaining("a, b");
    assertThatThrownBy(() -> AwsCredentialsFile.parse("[default]\nTOPSECRETVALUE\n"))
        .hasMessageContaining("line 2").hasMessageNotContaining("TOPSECRETVALUE");
    assertThatThrownBy(() -> AwsCredentialsFile.parse("aws_access_key_id=A\n"))
        .hasMessageContaining("before any [profile]");
  }

  @Test
  void readsMtcStyleSecretKeys() {
    Map<String, String> data = Map.of(
        AwsCredentials.ACCESS_KEY_ID, b64("AKID"),
        AwsCredentials.SECRET_ACCESS_KEY, b64("s3cr3t\n"));
    AwsCredentials c = AwsCredentials.fromSecretData("openshift-config/migstorage-creds", data);
    assertThat(c.accessKeyId()).isEqualTo("AKID");
    assertThat(c.secretAccessKey()).as("trailing newlines from `echo` are trimmed").isEqualTo("s3cr3t");
    assertThat(c.toString()).doesNotContain("AKID").doesNotContain("s3cr3t");
  }

  @Test
  void readsVeleroStyleCloudKey() {
    Map<String, String> data = Map.of(AwsCredentials.CLOUD,
        b64("[default]\naws_access_key_id=AKID\naws_secret_access_key=SECRET\n"));
    AwsCredentials c = AwsCredentials.fromSecretData("velero/cloud-credentials", data);
    assertThat(c.secretAccessKey()).isEqualTo("SECRET");
  }

  @Test
  void aSecretWithoutCredentialsListsWhatItHas() {
    assertThatThrownBy(() -> AwsCredentials.fromDecoded("ns/s", Map.of("token", "x"), null))
        .hasMessageContaining("Secret ns/s holds no storage credentials")
        .hasMessageContaining("aws-access-key-id").hasMessageContaining("only token")
        .hasMessageNotContaining("x\"");
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
