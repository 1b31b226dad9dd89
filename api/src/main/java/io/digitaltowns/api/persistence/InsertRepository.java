package io.digitaltowns.api.persistence;

/**
 * Inserts an aggregate whose id the api made itself.
 *
 * <p>{@code CrudRepository.save} takes an aggregate with a non-null id for an existing row and runs
 * an UPDATE (which then fails: no row). Every aggregate here gets its UUID before it is stored, so
 * a repository mixes this fragment in and says {@code insert} for a new aggregate and {@code save}
 * for a changed one.
 */
public interface InsertRepository<T> {

  <S extends T> S insert(S aggregate);
}
