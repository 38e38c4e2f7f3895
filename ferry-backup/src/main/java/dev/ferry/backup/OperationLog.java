package dev.ferry.backup;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.zip.GZIPOutputStream;

/**
 * The log of one backup or restore, in Velero's logfmt shape
 * ({@code time="…" level=info msg="…" restore=ns/name logSource="…"}), gzipped into a temp file
 * and uploaded next to the backup, so {@code ferry backup logs} reads what {@code velero backup
 * logs} would. Never given Secret data: callers log names, not objects.
 */
public final class OperationLog implements Closeable {
  private final String operation;
  private final String subject;
  private final Clock clock;
  private final Path file;
  private final Writer writer;
  private int errors;
  private int warnings;

  public OperationLog(String operation, String namespace, String name, Clock clock) {
    this.operation = operation;
    this.subject = namespace + "/" + name;
    this.clock = clock;
    try {
      this.file = Files.createTempFile("ferry-" + operation + "-log-", ".gz");
      OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
      this.writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void info(String source, String message) {
    write("info", source, message);
  }

  public synchronized void warn(String source, String message) {
    warnings++;
    write("warning", source, message);
  }

  public synchronized void error(String source, String message) {
    errors++;
    write("error", source, message);
  }

  private synchronized void write(String level, String source, String message) {
    try {
      writer.write("time=\"" + Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + "\" level=" + level
          + " msg=\"" + message.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\" "
          + operation + "=" + subject + " logSource=\"" + source + "\"\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Finishes the gzip stream; the file is then ready to upload. */
  public Path finish() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  public synchronized int errors() {
    return errors;
  }

  public synchronized int warnings() {
    return warnings;
  }

  @Override
  public void close() {
    try {
      writer.close();
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
