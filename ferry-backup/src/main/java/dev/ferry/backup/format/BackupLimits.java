package dev.ferry.backup.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How much of a backup a restore is willing to read. A backup is untrusted input (whoever can
 * write to the bucket wrote it), so every dimension an attacker could inflate has a ceiling, and
 * each refusal names its setting: the keys under {@code spec.restore_limits} of the
 * MigrationController, e.g. {@code max_item_size}.
 *
 * @param maxExtractedBytes all extracted entries together ({@code max_extracted_size}, default 4Gi)
 * @param maxEntries        tar entries ({@code max_entries}, default 2,000,000: two per item)
 * @param maxItemBytes      one entry ({@code max_item_size}, default 8Mi: the API server refuses
 *                          objects past ~3 MB anyway)
 * @param maxJsonDepth      nesting of objects and arrays in one item ({@code max_json_depth},
 *                          default 256: deep CRD schemas stay far below)
 * @param maxStringLength   one JSON string ({@code max_string_length}, default 4Mi characters)
 */
public record BackupLimits(long maxExtractedBytes, int maxEntries, long maxItemBytes, int maxJsonDepth,
                           int maxStringLength) {

  public static final long DEFAULT_MAX_EXTRACTED_BYTES = 4L * 1024 * 1024 * 1024;
  public static final int DEFAULT_MAX_ENTRIES = 2_000_000;
  public static final long DEFAULT_MAX_ITEM_BYTES = 8L * 1024 * 1024;
  public static final int DEFAULT_MAX_JSON_DEPTH = 256;
  public static final int DEFAULT_MAX_STRING_LENGTH = 4 * 1024 * 1024;

  /** The settings' names, as they appear in refusals. */
  public static final String EXTRACTED = "max_extracted_size";
  public static final String ENTRIES = "max_entries";
  public static final String ITEM = "max_item_size";
  public static final String DEPTH = "max_json_depth";
  public static final String STRING = "max_string_length";

  public BackupLimits {
    if (maxExtractedBytes <= 0 || maxEntries <= 0 || maxItemBytes <= 0 || maxJsonDepth <= 0
        || maxStringLength <= 0) {
      throw new IllegalArgumentException("restore limits must be positive");
    }
  }

  public static BackupLimits defaults() {
    return new BackupLimits(DEFAULT_MAX_EXTRACTED_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_MAX_ITEM_BYTES,
        DEFAULT_MAX_JSON_DEPTH, DEFAULT_MAX_STRING_LENGTH);
  }

  /** "the restore limit max_item_size (8388608 bytes)" followed by how to raise it. */
  public static String refusal(String setting, long value, String unit) {
    return "the restore limit " + setting + " (" + value + (unit.isEmpty() ? "" : " " + unit) + ")"
        + "; if the backup is genuine, raise spec.restore_limits." + setting + " on the MigrationController";
  }

  /**
   * A mapper whose parser enforces the depth and string limits while it streams, so a hostile
   * item is refused before it is built in memory.
   */
  ObjectMapper mapper() {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(maxJsonDepth)
            .maxStringLength(maxStringLength)
            .maxDocumentLength(maxItemBytes)
            .build())
        .build();
    return new ObjectMapper(factory).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
