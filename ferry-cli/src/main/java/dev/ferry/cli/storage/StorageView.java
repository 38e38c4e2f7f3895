package dev.ferry.cli.storage;

import dev.ferry.api.migration.storage.BackupStorageConfig;
import dev.ferry.api.migration.storage.BackupStorageProvider;
import dev.ferry.api.migration.storage.MigStorage;
import dev.ferry.api.migration.storage.MigStorageSpec;
import dev.ferry.cli.cluster.ClusterView;
import dev.ferry.cli.migration.MigrationTable;
import dev.ferry.cli.output.MigrationFormat;
import dev.ferry.cli.output.ObjectView;
import dev.ferry.cli.output.TabAligner;
import dev.ferry.cli.output.VeleroFormat;
import java.time.Clock;

/** {@code ferry storage get|describe}: NAME, READY, PROVIDER, LOCATION, AGE. Pure. */
public final class StorageView implements ObjectView<MigStorage> {
  @Override
  public Class<MigStorage> type() {
    return MigStorage.class;
  }

  @Override
  public String noun() {
    return "storage";
  }

  @Override
  public String command() {
    return "storage";
  }

  @Override
  public String[] headers() {
    return new String[] {"NAME", "READY", "PROVIDER", "LOCATION", "AGE"};
  }

  @Override
  public String[] row(MigStorage storage, Clock clock) {
    MigStorageSpec spec = spec(storage);
    return new String[] {storage.getMetadata().getName(), ObjectView.readyColumn(storage.getStatus()),
        spec.getBackupStorageProvider() == null ? "" : spec.getBackupStorageProvider().value(), location(spec),
        MigrationTable.age(storage.getMetadata().getCreationTimestamp(), clock)};
  }

  /** s3://bucket (and the endpoint when it is not AWS's), or the directory. */
  public static String location(MigStorageSpec spec) {
    BackupStorageConfig config = spec.getBackupStorageConfig();
    if (config == null) {
      return "";
    }
    if (spec.getBackupStorageProvider() == BackupStorageProvider.FILESYSTEM) {
      return MigrationFormat.nullToEmpty(config.getFilesystemPath());
    }
    if (spec.getBackupStorageProvider() == BackupStorageProvider.AWS) {
      return "s3://" + MigrationFormat.nullToEmpty(config.getAwsBucketName())
          + (config.getAwsS3Url() == null ? "" : " at " + config.getAwsS3Url());
    }
    if (spec.getBackupStorageProvider() == BackupStorageProvider.AZURE) {
      return MigrationFormat.nullToEmpty(config.getAzureStorageAccount()) + "/"
          + MigrationFormat.nullToEmpty(config.getAzureStorageContainer());
    }
    return MigrationFormat.nullToEmpty(config.getGcpBucket());
  }

  @Override
  public String describe(MigStorage storage) {
    MigStorageSpec spec = spec(storage);
    BackupStorageConfig config = spec.getBackupStorageConfig() == null ? new BackupStorageConfig()
        : spec.getBackupStorageConfig();
    TabAligner d = new TabAligner();
    d.printf("Name:\t%s\n", storage.getMetadata().getName());
    d.printf("Namespace:\t%s\n", MigrationFormat.nullToEmpty(storage.getMetadata().getNamespace()));
    d.printf("Provider:\t%s\n", spec.getBackupStorageProvider() == null ? VeleroFormat.NONE
        : spec.getBackupStorageProvider().value());
    d.printf("Location:\t%s\n", ClusterView.orNone(location(spec)));
    if (spec.getBackupStorageProvider() == BackupStorageProvider.AWS) {
      d.printf("Region:\t%s\n", ClusterView.orNone(config.getAwsRegion()));
      d.printf("Path-style URLs:\t%s\n", Boolean.TRUE.equals(config.getAwsS3ForcePathStyle()) ? "yes" : "no");
      d.printf("Insecure:\t%s\n", Boolean.TRUE.equals(config.getInsecure()) ? "yes (TLS not verified)" : "no");
    }
    if (spec.getBackupStorageProvider() != BackupStorageProvider.FILESYSTEM) {
      d.printf("Credentials secret:\t%s\n", ClusterView.secret(config.getCredsSecretRef()));
    }
    d.printf("Ready:\t%s\n", ObjectView.readyColumn(storage.getStatus()));
    return d.aligned() + "\nConditions:\n" + ObjectView.conditions(storage.getStatus());
  }

  private static MigStorageSpec spec(MigStorage storage) {
    return storage.getSpec() == null ? new MigStorageSpec() : storage.getSpec();
  }
}
