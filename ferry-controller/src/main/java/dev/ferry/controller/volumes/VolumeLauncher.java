package dev.ferry.controller.volumes;

/**
 * Starts and follows one claim's transfer. {@link #poll} is idempotent: the first call starts the
 * transfer, later calls report on it; after a controller restart it starts it again (the mover
 * sends only what is not on the destination yet, so a re-run is cheap).
 */
public interface VolumeLauncher {
  /** Short name shown in conditions and logs. */
  String name();

  TransferState poll(VolumeTransfer transfer);

  /** Releases what the launcher keeps for a finished transfer whose outcome has been saved. */
  void release(VolumeTransfer transfer);
}
