package io.digitaltowns.api.billing;

import io.digitaltowns.api.businesses.BusinessStatus;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * The businesses a caller may manage the subscription of: their own, or any for an admin. Same rule
 * and same answers as {@code businesses.listing.BusinessListings#changeableBy} (404 for someone
 * else's unpublished listing, 403 for someone else's published one). It lives here because the
 * businesses module exposes only its root package (see ModularityTests): once {@code
 * businesses.listing} is a named interface, delegate to changeableBy instead.
 */
@Component
public class BillableBusinesses {

  private final JdbcClient jdbc;

  BillableBusinesses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A business whose subscription the caller may manage. */
  public record BillableBusiness(UUID id, UUID ownerId, String name) {}

  private record Row(UUID id, UUID ownerId, String name, String status) {}

  public BillableBusiness changeableBy(Authentication authentication, UUID id) {
    Row row =
        jdbc.sql("SELECT id, owner_id, name, status FROM businesses WHERE id = :id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("owner_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("status")))
            .optional()
            .orElseThrow(BillableBusinesses::notFound);
    boolean signedIn =
        authentication instanceof JwtAuthenticationToken && authentication.isAuthenticated();
    boolean admin =
        signedIn
            && authentication.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_ADMIN"));
    boolean owner = signedIn && row.ownerId().toString().equals(authentication.getName());
    if (!admin && !owner) {
      if (!BusinessStatus.PUBLISHED.name().equals(row.status())) {
        throw notFound();
      }
      throw forbidden();
    }
    return new BillableBusiness(row.id(), row.ownerId(), row.name());
  }

  static ErrorResponseException notFound() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such business.");
    problem.setTitle("Business not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }

  private static ErrorResponseException forbidden() {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.FORBIDDEN,
            "Only the owner of this business or an admin may manage its subscription.");
    problem.setTitle("Forbidden");
    problem.setType(URI.create("https://digitaltowns.io/problems/forbidden"));
    return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
  }
}
