package io.digitaltowns.consumers.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of the SMTP server that counts the connections clients open through it, and
 * can drop them all (what a server does to idle clients) or refuse new ones (a server that is
 * down).
 */
final class CountingRelay implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final LoopbackServer server;
  private final AtomicInteger connections = new AtomicInteger();

  /** The clients' ends of the relayed connections still open. */
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();

  private volatile boolean refusing;

  CountingRelay(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.server = new LoopbackServer("counting-relay", this::relay);
  }

  String host() {
    return server.host();
  }

  int port() {
    return server.port();
  }

  /** Connections relayed to the server so far (refused ones not counted). */
  int connections() {
    return connections.get();
  }

  /** Client connections still open. */
  int openConnections() {
    return clients.size();
  }

  void dropAll() {
    clients.forEach(CountingRelay::closeQuietly);
  }

  void refuse(boolean refuse) {
    refusing = refuse;
  }

  @Override
  public void close() {
    closeQuietly(server);
    dropAll();
  }

  private void relay(Socket client) throws IOException {
    if (refusing) {
      client.close();
      return;
    }
    Socket upstream = new Socket(targetHost, targetPort);
    connections.incrementAndGet();
    clients.add(client);
    pump(client, upstream, client);
    pump(upstream, client, client);
  }

  private void pump(Socket from, Socket to, Socket client) {
    Thread pump =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // one side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                clients.remove(client);
              }
            },
            "counting-relay-pump");
    pump.setDaemon(true);
    pump.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
