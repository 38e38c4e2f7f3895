package dev.ferry.cli;

/** The {@code -o} formats. */
public enum OutputFormat {
  table, yaml, json
}
