package io.digitaltowns.api.persistence;

import org.springframework.data.jdbc.core.JdbcAggregateOperations;

/**
 * The implementation Spring Data JDBC finds by name for every repository that extends {@link
 * InsertRepository}.
 */
class InsertRepositoryImpl<T> implements InsertRepository<T> {

  private final JdbcAggregateOperations aggregates;

  InsertRepositoryImpl(JdbcAggregateOperations aggregates) {
    this.aggregates = aggregates;
  }

  @Override
  public <S extends T> S insert(S aggregate) {
    return aggregates.insert(aggregate);
  }
}
