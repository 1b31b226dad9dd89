/**
 * Analytics for admins: the figures of the compacted {@code dt.analytics.*} topics, read from the
 * consumers' copy of them in PostgreSQL ({@code consumers.analytics_figures}, owned by module
 * readmodels), as JSON or CSV. The api never reads Kafka on a request.
 */
package io.digitaltowns.api.analytics;
