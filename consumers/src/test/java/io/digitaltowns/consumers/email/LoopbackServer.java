package io.digitaltowns.consumers.email;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP server on a free loopback port that hands each accepted connection to one handler, on a
 * daemon thread.
 */
final class LoopbackServer implements AutoCloseable {

  /** Serves one accepted connection; it owns the socket from then on. */
  interface Connection {
    void serve(Socket client) throws IOException;
  }

  private final ServerSocket server;

  LoopbackServer(String name, Connection connection) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(() -> accept(connection), name + "-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String host() {
    return server.getInetAddress().getHostAddress();
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void accept(Connection connection) {
    while (!server.isClosed()) {
      try {
        connection.serve(server.accept());
      } catch (IOException e) {
        // closed, or one connection failed: the next accept decides
      }
    }
  }
}
