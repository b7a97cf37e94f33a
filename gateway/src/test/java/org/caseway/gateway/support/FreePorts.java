package org.caseway.gateway.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on the loopback interface, for servers that need their port before they start.
 *
 * <p>Drawn below Linux's ephemeral range (32768-60999): a port the OS hands out for {@code port 0}
 * or for a client's outgoing connection (a Kafka client's, say) can then never be the one a test
 * server is about to bind. Each port is handed out once per JVM.
 */
public final class FreePorts {

  private static final int LOWEST = 20_000;
  private static final int HIGHEST = 32_000;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private FreePorts() {}

  /** A port that was free a moment ago and was not handed out before; bind it soon. */
  public static int next() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
      if (!HANDED_OUT.contains(port) && bindable(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException taken) {
      return false;
    }
  }
}
