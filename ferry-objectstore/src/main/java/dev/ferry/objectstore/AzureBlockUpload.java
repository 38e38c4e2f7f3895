package dev.ferry.objectstore;

import com.azure.storage.blob.specialized.BlockBlobClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Uploads a stream of unknown or large length as staged blocks, one block in memory at a time,
 * and commits the block list at the end: until the commit the blob keeps its previous content
 * (or does not exist). Block ids carry a per-upload UUID, so concurrent writers of one key never
 * overwrite each other's uncommitted blocks; Azure discards uncommitted blocks on its own.
 */
final class AzureBlockUpload {
  /** Azure's limit of blocks per blob. */
  private static final int MAX_BLOCKS = 50_000;

  private final BlockBlobClient blob;
  private final int blockSize;

  AzureBlockUpload(BlockBlobClient blob, int blockSize) {
    this.blob = blob;
    this.blockSize = blockSize;
  }

  void upload(InputStream in, long length, String key, String store) {
    int size = length > 0 ? (int) Math.max(blockSize, Math.min(Integer.MAX_VALUE - 8,
        (length + MAX_BLOCKS - 1) / MAX_BLOCKS)) : blockSize;
    byte[] buffer = new byte[size];
    String upload = UUID.randomUUID().toString();
    List<String> ids = new ArrayList<>();
    long total = 0;
    int n = UploadContent.read(in, buffer, key, store, total);
    if (n < size) {
      UploadContent.checkLength(length, n, key, store);
      blob.upload(new ByteArrayInputStream(buffer, 0, n), n, true);
      return;
    }
    while (n > 0) {
      if (ids.size() >= MAX_BLOCKS) {
        throw new ObjectStoreException("object " + ObjectKeys.printable(key) + " is too large for " + store
            + ": more than " + MAX_BLOCKS + " blocks of " + size + " bytes");
      }
      String id = Base64.getEncoder().encodeToString((upload + "-" + String.format("%06d", ids.size()))
          .getBytes(StandardCharsets.US_ASCII));
      blob.stageBlock(id, new ByteArrayInputStream(buffer, 0, n), n);
      ids.add(id);
      total += n;
      n = n < size ? 0 : UploadContent.read(in, buffer, key, store, total);
    }
    UploadContent.checkLength(length, total, key, store);
    blob.commitBlockList(ids, true);
  }

  /** The whole stream of a known, small length; fails if it is shorter or longer. */
  static byte[] readExactly(InputStream in, long length, String key, String store) {
    byte[] bytes = new byte[(int) length];
    int n = UploadContent.read(in, bytes, key, store, 0);
    int extra;
    try {
      extra = n < bytes.length ? 0 : in.read();
    } catch (IOException e) {
      throw UploadContent.unreadable(key, store, n, e);
    }
    if (n != length || extra >= 0) {
      throw UploadContent.wrongLength(key, store, length, extra >= 0 ? "more" : String.valueOf(n));
    }
    return bytes;
  }
}
