package io.digitaltowns.api.towns;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads towns; other features (businesses, search) find their town here. */
@Service
public class Towns {

  private final JdbcClient jdbc;

  Towns(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Town> all() {
    return jdbc.sql("SELECT * FROM towns ORDER BY name, slug").query(Towns::town).list();
  }

  public Optional<Town> bySlug(String slug) {
    return jdbc.sql("SELECT * FROM towns WHERE slug = :slug").param("slug", slug).query(Towns::town).optional();
  }

  public Optional<Town> byId(UUID id) {
    return jdbc.sql("SELECT * FROM towns WHERE id = :id").param("id", id).query(Towns::town).optional();
  }

  static Town town(ResultSet rs, int row) throws SQLException {
    return new Town(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"), rs.getString("region"),
        rs.getString("timezone"), rs.getTimestamp("created_at").toInstant());
  }
}
