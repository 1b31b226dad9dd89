/**
 * Persistence for the aggregates whose SQL is plain CRUD (towns, ...): Spring Data JDBC
 * repositories ({@code ListCrudRepository} over {@code @Table} records) with the one addition they
 * need here, {@link io.digitaltowns.api.persistence.InsertRepository}, because every aggregate id
 * is a UUID made by the api before the row exists. Search, read models, locking and the outbox stay
 * on {@code JdbcClient}; see {@code docs/architecture.md} ("Persistence: what Spring Data JDBC
 * holds").
 */
package io.digitaltowns.api.persistence;
