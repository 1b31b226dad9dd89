package io.digitaltowns.infra.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JDK HttpServer on the loopback interface with a small pool of daemon threads, restartable on
 * the same port.
 */
public final class JsonHttpServer {

  private final String name;
  private final int port;
  private final HttpHandler handler;
  private HttpServer server;
  private ExecutorService executor;

  public JsonHttpServer(String name, int port, HttpHandler handler) {
    this.name = name;
    this.port = port;
    this.handler = handler;
  }

  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      HttpServer starting =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
      AtomicInteger threads = new AtomicInteger();
      executor =
          Executors.newFixedThreadPool(
              4,
              runnable -> {
                Thread thread = new Thread(runnable, name + "-http-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      starting.setExecutor(executor);
      starting.createContext("/", handler);
      starting.start();
      server = starting;
    } catch (IOException e) {
      throw new UncheckedIOException(name + " cannot listen on port " + port, e);
    }
  }

  public synchronized void stop() {
    if (server == null) {
      return;
    }
    server.stop(0);
    executor.shutdownNow();
    server = null;
    executor = null;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  public int port() {
    return port;
  }
}
