package dev.ferry.volumes.fs;

/** What a tree entry is; anything else (sockets, fifos, devices) is not part of a volume copy. */
public enum FileKind {
  FILE, DIRECTORY, SYMLINK
}
