package dev.ferry.api.migration.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectReference;
import lombok.Data;

/** Location and credentials of a replication repository. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Data
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
}
