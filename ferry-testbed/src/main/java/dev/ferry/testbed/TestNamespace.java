package dev.ferry.testbed;

/** A namespace created for one test on {@code cluster}; deleted when the test passes. */
public record TestNamespace(String name, LocalCluster cluster) {
}
