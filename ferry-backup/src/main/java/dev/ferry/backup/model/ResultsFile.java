package dev.ferry.backup.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The content of Velero's {@code <backup>-results.gz} and {@code restore-<restore>-results.gz}:
 * gzipped JSON {@code {"errors": R, "warnings": R}}. Keys come in Go's map order (sorted), and a
 * trailing newline as Go's json.Encoder writes, so the bytes match what Velero produces.
 */
@JsonPropertyOrder({"errors", "warnings"})
public record ResultsFile(
    @JsonProperty("warnings") Results warnings,
    @JsonProperty("errors") Results errors) {

  @JsonCreator
  public ResultsFile {
    warnings = warnings == null ? new Results() : warnings;
    errors = errors == null ? new Results() : errors;
  }

  public static ResultsFile empty() {
    return new ResultsFile(new Results(), new Results());
  }

  /** Writes the gzipped JSON to {@code out}, leaving it open. */
  public void write(OutputStream out) throws IOException {
    Objects.requireNonNull(out, "out").write(toGzip());
  }

  public byte[] toGzip() {
    return Gzip.compress(toJson().getBytes(StandardCharsets.UTF_8));
  }

  /** Reads a results file; a missing {@code warnings} or {@code errors} key reads as empty. */
  public static ResultsFile read(InputStream in) throws IOException {
    return Json.MAPPER.readValue(Gzip.decompress(in), ResultsFile.class);
  }

  /** The uncompressed JSON text, newline-terminated. */
  public String toJson() {
    try {
      return Json.MAPPER.writeValueAsString(this) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ResultsFile fromJson(String json) throws IOException {
    return Json.MAPPER.readValue(json, ResultsFile.class);
  }
}
