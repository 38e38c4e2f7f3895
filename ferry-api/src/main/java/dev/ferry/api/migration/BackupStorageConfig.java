package dev.ferry.api.migration;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Location and credentials of a replication repository. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BackupStorageConfig {

  @JsonPropertyDescription("AWS only: name of the bucket.")
  private String awsBucketName;

  @JsonPropertyDescription("AWS only: region of the bucket, e.g. us-east-1.")
  private String awsRegion;

  @JsonPropertyDescription("The Secret (name and namespace) that holds the storage credentials.")
  private ObjectReference credsSecretRef;

  @JsonPropertyDescription("AWS only: unique identifier of the AWS Key Management Service key, if it is used.")
  private String awsKmsKeyId;

  @JsonPropertyDescription("AWS only: URL of the bucket, if the bucket has been granted public access.")
  private String awsPublicUrl;

  // int-or-string: the seed's example writes `4`, MTC's operator docs write "4"; both mean the same.
  @JsonPropertyDescription("AWS only: version of the AWS signature used to authenticate requests to the bucket, "
      + "e.g. 4.")
  private IntOrString awsSignatureVersion;

  @JsonPropertyDescription("S3-compatible stores: endpoint URL of the S3 service, e.g. of the multicloud object "
      + "gateway; empty for AWS.")
  private String awsS3Url;

  @JsonPropertyDescription("S3-compatible stores: if true, buckets are addressed by path instead of by virtual "
      + "host.")
  private Boolean awsS3ForcePathStyle;

  @JsonPropertyDescription("S3-compatible stores: base64-encoded PEM bundle of CA certificates that verifies the "
      + "endpoint.")
  private String s3CustomCABundle;

  @JsonPropertyDescription("If true, TLS certificates of the storage endpoint are not verified.")
  private Boolean insecure;

  @JsonPropertyDescription("Microsoft Azure only: storage account.")
  private String azureStorageAccount;

  @JsonPropertyDescription("Microsoft Azure only: blob container.")
  private String azureStorageContainer;

  @JsonPropertyDescription("Microsoft Azure only: resource group of the storage account.")
  private String azureResourceGroup;

  @JsonPropertyDescription("Microsoft Azure only (Ferry): blob endpoint of the storage account, e.g. of Azure Stack "
      + "or an emulator; empty for https://<azureStorageAccount>.blob.core.windows.net. Velero's storageAccountURI.")
  private String azureStorageAccountURI;

  @JsonPropertyDescription("Google Cloud Storage only: name of the bucket.")
  private String gcpBucket;

  @JsonPropertyDescription("Google Cloud Storage only (Ferry): JSON API endpoint, e.g. a private endpoint or an "
      + "emulator; empty for https://storage.googleapis.com.")
  private String gcpStoreEndpoint;

  @JsonPropertyDescription("filesystem provider only (Ferry): directory holding the repository, visible to the "
      + "controller and the data movers.")
  private String filesystemPath;

  public String getAwsBucketName() {
    return awsBucketName;
  }

  public void setAwsBucketName(String awsBucketName) {
    this.awsBucketName = awsBucketName;
  }

  public String getAwsRegion() {
    return awsRegion;
  }

  public void setAwsRegion(String awsRegion) {
    this.awsRegion = awsRegion;
  }

  public ObjectReference getCredsSecretRef() {
    return credsSecretRef;
  }

  public void setCredsSecretRef(ObjectReference credsSecretRef) {
    this.credsSecretRef = credsSecretRef;
  }

  public String getAwsKmsKeyId() {
    return awsKmsKeyId;
  }

  public void setAwsKmsKeyId(String awsKmsKeyId) {
    this.awsKmsKeyId = awsKmsKeyId;
  }

  public String getAwsPublicUrl() {
    return awsPublicUrl;
  }

  public void setAwsPublicUrl(String awsPublicUrl) {
    this.awsPublicUrl = awsPublicUrl;
  }

  public IntOrString getAwsSignatureVersion() {
    return awsSignatureVersion;
  }

  public void setAwsSignatureVersion(IntOrString awsSignatureVersion) {
    this.awsSignatureVersion = awsSignatureVersion;
  }

  public String getAwsS3Url() {
    return awsS3Url;
  }

  public void setAwsS3Url(String awsS3Url) {
    this.awsS3Url = awsS3Url;
  }

  public Boolean getAwsS3ForcePathStyle() {
    return awsS3ForcePathStyle;
  }

  public void setAwsS3ForcePathStyle(Boolean awsS3ForcePathStyle) {
    this.awsS3ForcePathStyle = awsS3ForcePathStyle;
  }

  public String getS3CustomCABundle() {
    return s3CustomCABundle;
  }

  public void setS3CustomCABundle(String s3CustomCABundle) {
    this.s3CustomCABundle = s3CustomCABundle;
  }

  public Boolean getInsecure() {
    return insecure;
  }

  public void setInsecure(Boolean insecure) {
    this.insecure = insecure;
  }

  public String getAzureStorageAccount() {
    return azureStorageAccount;
  }

  public void setAzureStorageAccount(String azureStorageAccount) {
    this.azureStorageAccount = azureStorageAccount;
  }

  public String getAzureStorageContainer() {
    return azureStorageContainer;
  }

  public void setAzureStorageContainer(String azureStorageContainer) {
    this.azureStorageContainer = azureStorageContainer;
  }

  public String getAzureResourceGroup() {
    return azureResourceGroup;
  }

  public void setAzureResourceGroup(String azureResourceGroup) {
    this.azureResourceGroup = azureResourceGroup;
  }

  public String getAzureStorageAccountURI() {
    return azureStorageAccountURI;
  }

  public void setAzureStorageAccountURI(String azureStorageAccountURI) {
    this.azureStorageAccountURI = azureStorageAccountURI;
  }

  public String getGcpStoreEndpoint() {
    return gcpStoreEndpoint;
  }

  public void setGcpStoreEndpoint(String gcpStoreEndpoint) {
    this.gcpStoreEndpoint = gcpStoreEndpoint;
  }

  public String getGcpBucket() {
    return gcpBucket;
  }

  public void setGcpBucket(String gcpBucket) {
    this.gcpBucket = gcpBucket;
  }

  public String getFilesystemPath() {
    return filesystemPath;
  }

  public void setFilesystemPath(String filesystemPath) {
    this.filesystemPath = filesystemPath;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (o == null || getClass() != o.getClass()) {
      return false;
    }
    BackupStorageConfig that = (BackupStorageConfig) o;
    return Objects.equals(awsBucketName, that.awsBucketName)
        && Objects.equals(awsRegion, that.awsRegion)
        && Objects.equals(credsSecretRef, that.credsSecretRef)
        && Objects.equals(awsKmsKeyId, that.awsKmsKeyId)
        && Objects.equals(awsPublicUrl, that.awsPublicUrl)
        && Objects.equals(awsSignatureVersion, that.awsSignatureVersion)
        && Objects.equals(awsS3Url, that.awsS3Url)
        && Objects.equals(awsS3ForcePathStyle, that.awsS3ForcePathStyle)
        && Objects.equals(s3CustomCABundle, that.s3CustomCABundle)
        && Objects.equals(insecure, that.insecure)
        && Objects.equals(azureStorageAccount, that.azureStorageAccount)
        && Objects.equals(azureStorageContainer, that.azureStorageContainer)
        && Objects.equals(azureResourceGroup, that.azureResourceGroup)
        && Objects.equals(azureStorageAccountURI, that.azureStorageAccountURI)
        && Objects.equals(gcpBucket, that.gcpBucket)
        && Objects.equals(gcpStoreEndpoint, that.gcpStoreEndpoint)
        && Objects.equals(filesystemPath, that.filesystemPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(awsBucketName, awsRegion, credsSecretRef, awsKmsKeyId, awsPublicUrl,
        awsSignatureVersion, awsS3Url, awsS3ForcePathStyle, s3CustomCABundle, insecure, azureStorageAccount,
        azureStorageContainer, azureResourceGroup, azureStorageAccountURI, gcpBucket, gcpStoreEndpoint, filesystemPath);
  }
}
