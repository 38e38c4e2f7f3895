package dev.ferry.images;

/** A content descriptor: a blob or manifest by digest, with its size and (for index entries) platform. */
public record Descriptor(String mediaType, String digest, long size, String platform) {
  public Descriptor(String mediaType, String digest, long size) {
    this(mediaType, digest, size, null);
  }
}
