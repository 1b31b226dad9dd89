package io.digitaltowns.backup.archive;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The archive's file format: gzip-compressed JSON lines, one {@link ArchivedRecord} a line (byte
 * arrays as base64), readable with {@code zcat | jq} and by any language.
 */
public final class ArchiveFiles {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final ObjectWriter LINE = JSON.writerFor(ArchivedRecord.class);

  private ArchiveFiles() {}

  public static void write(List<ArchivedRecord> records, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        Writer writer =
            new BufferedWriter(
                new OutputStreamWriter(
                    new GZIPOutputStream(out, 64 * 1024), StandardCharsets.UTF_8))) {
      for (ArchivedRecord record : records) {
        writer.write(LINE.writeValueAsString(record));
        writer.write('\n');
      }
    }
  }

  public static List<ArchivedRecord> read(InputStream compressed) throws IOException {
    List<ArchivedRecord> records = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(compressed), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          records.add(JSON.readValue(line, ArchivedRecord.class));
        }
      }
    }
    return records;
  }
}
