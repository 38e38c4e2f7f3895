package dev.ferry.cli.output;

/** The {@code -o} formats. */
public enum OutputFormat {
  table, yaml, json
}
