package io.digitaltowns.api.towns;

import io.digitaltowns.api.persistence.InsertRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The {@code towns} table. Other features read towns through {@link Towns}; this is for the towns
 * feature.
 */
public interface TownRepository extends ListCrudRepository<Town, UUID>, InsertRepository<Town> {

  List<Town> findAllByOrderByNameAscSlugAsc();

  Optional<Town> findBySlug(String slug);
}
