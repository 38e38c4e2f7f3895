package dev.ferry.cli.mover;

import picocli.CommandLine.Command;

/** {@code ferry mover}: the volume mover's entry points, run by the transfer pods of a DirectVolumeMigration. */
@Command(name = "mover", description = "Move a volume's data (the entry points of Ferry's transfer pods).",
    subcommands = {MoverReceiveCommand.class, MoverSendCommand.class, MoverSnapshotCommand.class,
        MoverRestoreCommand.class})
public class MoverCommand {
}
