/**
 * The volume mover. {@code fs}: the file tree model (scan, apply metadata, verify);
 * {@code chunk}: content-defined chunking and hashing shared by both transports;
 * {@code direct}: sender/receiver over mutual TLS with delta transfer;
 * {@code repo}: deduplicated, compressed snapshots in the replication repository.
 */
package dev.ferry.volumes;
