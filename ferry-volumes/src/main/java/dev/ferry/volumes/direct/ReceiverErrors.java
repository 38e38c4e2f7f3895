package dev.ferry.volumes.direct;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the receiver tells the sender when it fails, and how it makes sure the sender hears it. */
final class ReceiverErrors {
  private ReceiverErrors() {
  }

  /** Turns an I/O failure into a message that names the file and, for a full disk, the free space. */
  static String describe(Path root, IOException e, String path) {
    String what = path == null ? "" : " writing " + path;
    String msg = String.valueOf(e.getMessage());
    if (msg.contains("No space left on device") || msg.contains("Disk quota exceeded")) {
      String space = "";
      try {
        FileStore store = Files.getFileStore(root);
        space = ": " + human(store.getUsableSpace()) + " free of " + human(store.getTotalSpace());
      } catch (IOException ignored) {
        // the message is still useful without the numbers
      }
      return "destination volume is full" + what + " (" + root + space + "); enlarge the destination volume"
          + " or free space, then run the transfer again: data already received is kept and resumes";
    }
    if (e instanceof DirectTransferException) {
      return msg;
    }
    return "receiver failed" + what + ": " + e;
  }

  static String human(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = bytes;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format("%.1f %s", v, units[u]);
  }

  /**
   * Keeps reading (and discarding) until the sender, having read our ERROR, closes: closing with
   * unread data would reset the connection and could destroy the ERROR before the sender reads it.
   */
  static void drain(Socket socket, DataInputStream in) {
    try {
      socket.setSoTimeout(10_000);
      byte[] sink = new byte[1 << 16];
      while (in.read(sink) >= 0) {
        // discard
      }
    } catch (IOException ignored) {
      // timeout or reset: either way the sender has had its chance to read the error
    }
  }
}
