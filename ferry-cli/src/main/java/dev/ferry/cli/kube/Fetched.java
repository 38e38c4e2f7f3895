package dev.ferry.cli.kube;

/**
 * A file read from the repository for a description: its content, or why it could not be read.
 * A description shows the problem in place (as Velero does) instead of failing as a whole.
 */
public record Fetched<T>(T value, String problem) {

  public static <T> Fetched<T> of(T value) {
    return new Fetched<>(value, null);
  }

  public static <T> Fetched<T> failed(String problem) {
    return new Fetched<>(null, problem);
  }

  public boolean ok() {
    return problem == null;
  }
}
