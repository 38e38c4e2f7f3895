package dev.ferry.cli.mover;

import dev.ferry.objectstore.ObjectStoreException;
import dev.ferry.volumes.direct.DirectTransferException;
import dev.ferry.volumes.fs.VolumeMismatchException;
import dev.ferry.volumes.repo.RepositoryException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A mover command: runs, and turns a failure into one line on stderr and exit code 1 — the line a
 * DirectVolumeMigrationProgress shows as the pod's last log message. Mover failures are about
 * volumes, peers and repositories, not the cluster, so they are worded here rather than by the
 * root command's handler.
 */
abstract class MoverTask implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      run(out());
      return 0;
    } catch (ParameterException e) {
      throw e; // bad usage: picocli prints it with the usage help, exit code 2
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted");
    } catch (SSLException e) {
      return fail("TLS handshake with the other mover failed (" + e.getMessage() + "); both sides must use the "
          + "same transfer's TLS Secret");
    } catch (VolumeMismatchException | DirectTransferException | RepositoryException | ObjectStoreException e) {
      return fail(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return fail(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  abstract void run(PrintWriter out) throws IOException, InterruptedException, VolumeMismatchException;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private int fail(String message) {
    spec.commandLine().getErr().println("ferry mover: error: " + message);
    spec.commandLine().getErr().flush();
    return 1;
  }
}
