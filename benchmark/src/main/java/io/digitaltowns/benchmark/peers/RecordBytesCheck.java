package io.digitaltowns.benchmark.peers;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Checks that a relay wrote what the outbox holds: reads the first keyed records of a topic and
 * compares each value with its row's payload and each key with its row's aggregate_id, finding the
 * row by the event id header ({@code eventId} from our relay, {@code id} from Debezium's Event
 * Router under Kafka Connect).
 */
public final class RecordBytesCheck {

  private RecordBytesCheck() {}

  /** Returns sampled, payloadIdentical, keyIdentical, rowNotFound and the header names seen. */
  public static Map<String, Object> sample(
      PostgresLogin database, String bootstrapServers, String topic, int count) throws Exception {
    int sampled = 0;
    int payloadIdentical = 0;
    int keyIdentical = 0;
    int rowNotFound = 0;
    TreeSet<String> headerNames = new TreeSet<>();
    try (KafkaConsumer<byte[], byte[]> consumer = TopicEndOffsets.byteConsumer(bootstrapServers);
        Connection c = database.connect();
        PreparedStatement row =
            c.prepareStatement("SELECT aggregate_id, payload FROM outbox WHERE id = ?")) {
      List<TopicPartition> partitions = TopicEndOffsets.partitions(consumer, topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (sampled < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.key() == null || sampled >= count) {
            continue;
          }
          sampled++;
          String eventId = null;
          for (Header header : record.headers()) {
            headerNames.add(header.key());
            if (header.key().equals("eventId") || header.key().equals("id")) {
              eventId = new String(header.value(), StandardCharsets.UTF_8);
            }
          }
          if (eventId == null) {
            rowNotFound++;
            continue;
          }
          row.setObject(1, UUID.fromString(eventId));
          try (ResultSet rs = row.executeQuery()) {
            if (!rs.next()) {
              rowNotFound++;
              continue;
            }
            if (rs.getString(1).equals(new String(record.key(), StandardCharsets.UTF_8))) {
              keyIdentical++;
            }
            if (Arrays.equals(rs.getBytes(2), record.value())) {
              payloadIdentical++;
            }
          }
        }
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("topic", topic);
    result.put("sampled", sampled);
    result.put("payloadIdentical", payloadIdentical);
    result.put("keyIdentical", keyIdentical);
    result.put("rowNotFound", rowNotFound);
    result.put("headerNames", String.join(",", headerNames));
    return result;
  }
}
