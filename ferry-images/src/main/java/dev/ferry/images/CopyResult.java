package dev.ferry.images;

/**
 * What a copy did.
 *
 * @param digest digest of the top manifest (the index for a multi-platform image), same at both ends
 * @param blobsCopied blobs whose content was sent
 * @param blobsSkipped blobs the destination already had (including those of manifests it already had)
 * @param blobsMounted blobs linked from another repository of the same registry without upload
 * @param manifestsPushed manifests written (platform manifests, index, tag)
 * @param bytesSent blob and manifest bytes sent to the destination
 */
public record CopyResult(String digest, String mediaType, int blobsCopied, int blobsSkipped, int blobsMounted,
    int manifestsPushed, long bytesSent) {

  /** Whether the destination already had everything: nothing was sent. */
  public boolean alreadyPresent() {
    return blobsCopied == 0 && blobsMounted == 0 && manifestsPushed == 0;
  }

  @Override
  public String toString() {
    return digest + ": " + blobsCopied + " blobs copied, " + blobsSkipped + " skipped, " + blobsMounted
        + " mounted, " + manifestsPushed + " manifests pushed, " + bytesSent + " bytes sent";
  }
}
