package dev.ferry.volumes.direct;

import dev.ferry.volumes.chunk.ChunkId;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Reads a data connection's replies (chunk lists, OK, ERROR) on its own thread, so a receiver
 * error stops the sender at once instead of after its next write.
 */
final class SenderReplies extends Thread {
  private final SenderConnection c;
  private final SenderLinks links;
  private final java.util.concurrent.BlockingQueue<Object> queue = new java.util.concurrent.LinkedBlockingQueue<>();

  SenderReplies(SenderConnection c, SenderLinks links) {
    super("ferry-sender-replies");
    setDaemon(true);
    this.c = c;
    this.links = links;
  }

  @Override
  public void run() {
    try {
      Protocol.expect(c.in, Protocol.HELLO_OK, "waiting for the receiver's hello");
      c.in.readInt();
      while (true) {
        int type = c.in.readUnsignedByte();
        if (type == Protocol.CHUNKS) {
          int n = c.in.readInt();
          Map<ChunkId, Long> at = new HashMap<>(n * 2);
          long offset = 0;
          byte[] id = new byte[ChunkId.LENGTH];
          for (int i = 0; i < n; i++) {
            int len = c.in.readInt();
            c.in.readFully(id);
            at.putIfAbsent(ChunkId.of(id), offset);
            offset += len;
          }
          queue.put(at);
        } else if (type == Protocol.OK) {
          queue.put(Boolean.TRUE);
          return;
        } else if (type == Protocol.ERROR) {
          throw new DirectTransferException(c.in.readUTF());
        } else {
          throw new IOException("protocol error: unexpected reply " + type);
        }
      }
    } catch (SSLException e) {
      links.fail(links.tlsRefused(e));
      queue.add(e);
    } catch (IOException e) {
      links.fail(e);
      queue.add(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  Map<ChunkId, Long> awaitChunks() throws IOException {
    Object o = take();
    if (o instanceof Map<?, ?> m) {
      return (Map<ChunkId, Long>) m;
    }
    throw new IOException("protocol error: expected a chunk list");
  }

  void awaitOk() throws IOException {
    if (take() != Boolean.TRUE) {
      throw new IOException("protocol error: expected OK");
    }
  }

  private Object take() throws IOException {
    try {
      Object o = queue.take();
      if (o instanceof IOException e) {
        IOException first = links.failure();
        throw first != null ? first : e;
      }
      return o;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DirectTransferException("interrupted while waiting for the receiver");
    }
  }
}
