package io.digitaltowns.benchmark.deployed;

import io.digitaltowns.benchmark.LatencySummary;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses a JVM logged with {@code -Xlog:gc} from a mark on: {@code GC(12) Pause
 * Young (Normal) (G1 Evacuation Pause) 60M->12M(128M) 3.421ms}. Concurrent phases are not pauses
 * and are left out.
 */
final class GcPauses {

  private static final Pattern PAUSE = Pattern.compile("\\bPause\\b.*?(\\d+(?:\\.\\d+)?)ms\\s*$");
  private static final Pattern COLLECTOR = Pattern.compile("\\bUsing (.+)$");

  private final Path log;
  private final long mark;

  private GcPauses(Path log, long mark) {
    this.log = log;
    this.mark = mark;
  }

  /** Marks the log's current end: {@link #since()} reads what comes after. */
  static GcPauses mark(Path log) {
    try {
      return new GcPauses(log, Files.exists(log) ? Files.size(log) : 0);
    } catch (IOException e) {
      return new GcPauses(log, 0);
    }
  }

  /**
   * count, p50/p99/max ms of the pauses since the mark, their sum, and the collector the JVM said
   * it uses.
   */
  Map<String, Object> since() {
    LatencySummary pauses = new LatencySummary();
    double sumMs = 0;
    String collector = null;
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      byte[] head = new byte[(int) Math.min(file.length(), 4096)];
      file.readFully(head);
      for (String line : new String(head, StandardCharsets.UTF_8).split("\n")) {
        Matcher m = COLLECTOR.matcher(line);
        if (m.find()) {
          collector = m.group(1).trim();
          break;
        }
      }
      file.seek(Math.min(mark, file.length()));
      byte[] rest = new byte[(int) (file.length() - file.getFilePointer())];
      file.readFully(rest);
      for (String line : new String(rest, StandardCharsets.UTF_8).split("\n")) {
        Matcher m = PAUSE.matcher(line);
        if (m.find()) {
          double ms = Double.parseDouble(m.group(1));
          sumMs += ms;
          pauses.record(Math.round(ms * 1000));
        }
      }
    } catch (IOException e) {
      // no log (the JVM did not start)
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("collector", collector);
    result.put("pauses", pauses.count());
    result.put("pauseMs", pauses.toMap());
    result.put("pausedMsInAll", Math.round(sumMs * 10) / 10.0);
    return result;
  }
}
