package io.digitaltowns.api.towns;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Reads towns; other features (businesses, search) find their town here. */
@Service
public class Towns {

  private final TownRepository repository;

  Towns(TownRepository repository) {
    this.repository = repository;
  }

  public List<Town> all() {
    return repository.findAllByOrderByNameAscSlugAsc();
  }

  public Optional<Town> bySlug(String slug) {
    return repository.findBySlug(slug);
  }

  public Optional<Town> byId(UUID id) {
    return repository.findById(id);
  }
}
