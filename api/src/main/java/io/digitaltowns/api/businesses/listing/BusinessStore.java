package io.digitaltowns.api.businesses.listing;

import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.Category;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes listing rows and their opening hours. */
@Component
class BusinessStore {

  private final JdbcClient jdbc;

  BusinessStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Business> find(UUID id) {
    return jdbc.sql("SELECT * FROM businesses WHERE id = :id")
        .param("id", id)
        .query(this::business)
        .optional();
  }

  Optional<Business> lock(UUID id) {
    return jdbc.sql("SELECT * FROM businesses WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(this::business)
        .optional();
  }

  List<Business> ownedBy(UUID ownerId) {
    return jdbc.sql("SELECT * FROM businesses WHERE owner_id = :ownerId ORDER BY created_at DESC")
        .param("ownerId", ownerId)
        .query(this::business)
        .list();
  }

  void insert(UUID id, UUID ownerId, BusinessRequest request) {
    jdbc.sql(
            """
            INSERT INTO businesses (id, town_id, owner_id, name, category, description, address, phone, website,
                                    latitude, longitude, status)
            VALUES (:id, :townId, :ownerId, :name, :category, :description, :address, :phone, :website,
                    :latitude, :longitude, 'DRAFT')
            """)
        .param("id", id)
        .param("ownerId", ownerId)
        .params(fields(request))
        .update();
    replaceOpeningHours(id, request.openingHours());
  }

  void update(UUID id, BusinessRequest request, BusinessStatus status) {
    jdbc.sql(
            """
            UPDATE businesses SET town_id = :townId, name = :name, category = :category, description = :description,
                   address = :address, phone = :phone, website = :website, latitude = :latitude, longitude = :longitude,
                   status = :status, updated_at = now()
            WHERE id = :id
            """)
        .param("id", id)
        .param("status", status.name())
        .params(fields(request))
        .update();
    replaceOpeningHours(id, request.openingHours());
  }

  void setStatus(UUID id, BusinessStatus status, String rejectionReason) {
    jdbc.sql(
            "UPDATE businesses SET status = :status, rejection_reason = :reason, updated_at = now() WHERE id = :id")
        .param("id", id)
        .param("status", status.name())
        .param("reason", rejectionReason)
        .update();
  }

  void delete(UUID id) {
    jdbc.sql("DELETE FROM businesses WHERE id = :id").param("id", id).update();
  }

  private static Map<String, Object> fields(BusinessRequest request) {
    Map<String, Object> fields = new java.util.HashMap<>();
    fields.put("townId", request.townId());
    fields.put("name", request.name().trim());
    fields.put("category", request.category().name());
    fields.put("description", request.description() == null ? "" : request.description().trim());
    fields.put("address", blankToNull(request.address()));
    fields.put("phone", blankToNull(request.phone()));
    fields.put("website", blankToNull(request.website()));
    fields.put("latitude", request.location() == null ? null : request.location().latitude());
    fields.put("longitude", request.location() == null ? null : request.location().longitude());
    return fields;
  }

  private void replaceOpeningHours(UUID id, Map<DayOfWeek, List<OpeningPeriod>> hours) {
    jdbc.sql("DELETE FROM business_opening_hours WHERE business_id = :id").param("id", id).update();
    if (hours == null) {
      return;
    }
    hours.forEach(
        (day, periods) ->
            periods.stream()
                .distinct()
                .forEach(
                    period ->
                        jdbc.sql(
                                """
            INSERT INTO business_opening_hours (business_id, weekday, opens, closes)
            VALUES (:id, :weekday, :opens, :closes) ON CONFLICT DO NOTHING
            """)
                            .param("id", id)
                            .param("weekday", day.getValue())
                            .param("opens", Time.valueOf(period.opens()))
                            .param("closes", Time.valueOf(period.closes()))
                            .update()));
  }

  private Business business(ResultSet rs, int row) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Double latitude = (Double) rs.getObject("latitude");
    Double longitude = (Double) rs.getObject("longitude");
    Timestamp updated = rs.getTimestamp("updated_at");
    return new Business(
        id,
        rs.getObject("town_id", UUID.class),
        rs.getObject("owner_id", UUID.class),
        rs.getString("name"),
        Category.valueOf(rs.getString("category")),
        rs.getString("description"),
        rs.getString("address"),
        rs.getString("phone"),
        rs.getString("website"),
        openingHours(id),
        latitude == null ? null : new Location(latitude, longitude),
        BusinessStatus.valueOf(rs.getString("status")),
        rs.getString("rejection_reason"),
        rs.getBoolean("featured"),
        rs.getTimestamp("created_at").toInstant(),
        updated == null ? null : updated.toInstant());
  }

  private Map<DayOfWeek, List<OpeningPeriod>> openingHours(UUID id) {
    Map<DayOfWeek, List<OpeningPeriod>> hours = new EnumMap<>(DayOfWeek.class);
    jdbc.sql(
            "SELECT weekday, opens, closes FROM business_opening_hours WHERE business_id = :id ORDER BY weekday, opens")
        .param("id", id)
        .query(
            rs -> {
              hours
                  .computeIfAbsent(DayOfWeek.of(rs.getInt("weekday")), d -> new ArrayList<>())
                  .add(
                      new OpeningPeriod(
                          rs.getTime("opens").toLocalTime(), rs.getTime("closes").toLocalTime()));
            });
    return hours;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
