package dev.ferry.testbed;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;

/** This machine's own address, where the pods of a real node reach it. */
final class HostAddress {
  private HostAddress() {
  }

  /**
   * This machine's own IPv4 address: the kubelet's node IP. It may not be a loopback address, and
   * pods on every node's bridge reach it by plain routing.
   */
  static String ipv4() {
    try {
      for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
        if (!nic.isUp() || nic.isLoopback() || nic.getName().startsWith("ferrynode") || nic.getName().startsWith("veth")) {
          continue;
        }
        for (InetAddress a : nic.inetAddresses().toList()) {
          if (a instanceof Inet4Address && !a.isLinkLocalAddress()) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      throw new TestbedException("cannot list this machine's network interfaces: " + e.getMessage(), e);
    }
    throw new TestbedException("a real node needs a non-loopback IPv4 address on this machine; none is up");
  }
}
