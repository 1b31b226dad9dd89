package io.digitaltowns.consumers.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An SMTP relay in front of the real SMTP server that answers {@code RCPT TO} itself with a
 * permanent refusal for recipients whose address contains a marker (what a provider says to a
 * mailbox that does not exist), and passes every other command, and the server's replies, through
 * unchanged. It can also be taken down: new connections are refused and open ones dropped (an SMTP
 * outage).
 */
final class RecipientFilteringRelay implements AutoCloseable {

  static final String REFUSAL = "550 5.1.1 no such mailbox";

  private final String targetHost;
  private final int targetPort;
  private final String refusedMarker;
  private final LoopbackServer server;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean down;

  RecipientFilteringRelay(String targetHost, int targetPort, String refusedMarker)
      throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.refusedMarker = refusedMarker.toLowerCase(Locale.ROOT);
    this.server = new LoopbackServer("recipient-filtering-relay", this::relay);
  }

  String host() {
    return server.host();
  }

  int port() {
    return server.port();
  }

  /** Down: connections are refused and the open ones dropped. Up: relays again. */
  void down(boolean down) {
    this.down = down;
    if (down) {
      open.forEach(RecipientFilteringRelay::closeQuietly);
    }
  }

  @Override
  public void close() {
    closeQuietly(server);
    open.forEach(RecipientFilteringRelay::closeQuietly);
  }

  private void relay(Socket client) throws IOException {
    if (down) {
      client.close();
      return;
    }
    Socket upstream = new Socket(targetHost, targetPort);
    open.add(client);
    open.add(upstream);
    OutputStream toClient = client.getOutputStream();
    daemon(() -> pumpReplies(upstream, toClient, client));
    daemon(() -> pumpCommands(client, upstream, toClient));
  }

  /**
   * The server's replies, byte for byte; writes to the client are serialised with the relay's own
   * refusals.
   */
  private void pumpReplies(Socket upstream, OutputStream toClient, Socket client) {
    try (InputStream in = upstream.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        synchronized (toClient) {
          toClient.write(buffer, 0, n);
          toClient.flush();
        }
      }
    } catch (IOException e) {
      // one side closed
    } finally {
      closeBoth(upstream, client);
    }
  }

  /** The client's command lines; a refused RCPT is answered here and never reaches the server. */
  private void pumpCommands(Socket client, Socket upstream, OutputStream toClient) {
    try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream toServer = upstream.getOutputStream()) {
      boolean inData = false;
      for (String line; (line = in.readLine()) != null; ) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (!inData
            && upper.startsWith("RCPT")
            && line.toLowerCase(Locale.ROOT).contains(refusedMarker)) {
          synchronized (toClient) {
            toClient.write((REFUSAL + "\r\n").getBytes(StandardCharsets.US_ASCII));
            toClient.flush();
          }
          continue;
        }
        if (!inData && upper.equals("DATA")) {
          inData = true;
        } else if (inData && line.equals(".")) {
          inData = false;
        }
        toServer.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        toServer.flush();
      }
    } catch (IOException e) {
      // one side closed
    } finally {
      closeBoth(upstream, client);
    }
  }

  private void closeBoth(Socket upstream, Socket client) {
    closeQuietly(upstream);
    closeQuietly(client);
    open.remove(upstream);
    open.remove(client);
  }

  private static void daemon(Runnable work) {
    Thread thread = new Thread(work, "recipient-filtering-relay-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // already closed
    }
  }
}
