package io.digitaltowns.api.businesses.calls;

import io.digitaltowns.api.businesses.BusinessStatus;
import io.digitaltowns.api.businesses.contact.BusinessContact;
import io.digitaltowns.api.businesses.listing.Business;
import io.digitaltowns.api.businesses.listing.BusinessListings;
import io.digitaltowns.api.businesses.listing.BusinessNotFoundException;
import io.digitaltowns.api.businesses.listing.Caller;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * A resident's video call with a business: a signed-in resident whose address is confirmed asks for
 * one; the owner is told by the same mail a contact message sends (with the room's link), and both
 * open the same room, where each side opens its own Cloudflare Calls session and pulls the other's
 * tracks. Only the resident who asked and the business's owner see a room; to anyone else it does
 * not exist.
 */
@Service
public class BusinessCalls {

  private final CloudflareCallsProperties properties;
  private final CloudflareCallsClient calls;
  private final BusinessListings listings;
  private final BusinessContact contact;
  private final JdbcClient jdbc;
  private final Clock clock;

  BusinessCalls(
      CloudflareCallsProperties properties,
      CloudflareCallsClient calls,
      BusinessListings listings,
      BusinessContact contact,
      JdbcClient jdbc,
      Clock clock) {
    this.properties = properties;
    this.calls = calls;
    this.listings = listings;
    this.contact = contact;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Whether the platform has Cloudflare Calls configured; without it there is no button and no
   * room.
   */
  public boolean enabled() {
    return properties.enabled();
  }

  /**
   * The resident asks for a call: the room is made and the owner gets the message {@code message}
   * writes for the room's id (its link), as a contact message from the resident. Both or neither.
   *
   * @throws BusinessNotFoundException when calls are off, or the business is not published
   * @throws io.digitaltowns.api.businesses.contact.UnverifiedSenderException when the resident's
   *     address is not confirmed
   */
  @Transactional
  public UUID ask(
      Caller resident, UUID businessId, Function<UUID, String> message, String traceId) {
    if (!enabled() || !resident.signedIn()) {
      throw new BusinessNotFoundException();
    }
    Business business = listings.visibleTo(resident, businessId);
    if (business.status() != BusinessStatus.PUBLISHED) {
      throw new BusinessNotFoundException();
    }
    if (business.ownerId().equals(resident.userId())) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONFLICT,
              "This is your own business: residents ask you for calls, and the mail brings you the room.");
      problem.setTitle("Your own business");
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            INSERT INTO business_calls (id, business_id, resident_id, created_at)
            VALUES (:id, :businessId, :residentId, :now)
            """)
        .param("id", id)
        .param("businessId", businessId)
        .param("residentId", resident.userId())
        .param("now", Timestamp.from(clock.instant()))
        .update();
    contact.send(resident, businessId, message.apply(id), traceId);
    return id;
  }

  /** A room as the one looking at it sees it. */
  public record Room(UUID id, UUID businessId, String businessName, boolean asOwner) {}

  /**
   * @throws CallNotFoundException when calls are off, there is no such room, or it is not the
   *     caller's
   */
  public Room room(Caller caller, UUID callId) {
    if (!enabled() || !caller.signedIn()) {
      throw new CallNotFoundException();
    }
    Optional<Room> room =
        jdbc.sql(
                """
            SELECT c.id, c.business_id, b.name, c.resident_id, b.owner_id
            FROM business_calls c JOIN businesses b ON b.id = c.business_id
            WHERE c.id = :id
            """)
            .param("id", callId)
            .query(
                (rs, n) -> {
                  UUID resident = rs.getObject("resident_id", UUID.class);
                  UUID owner = rs.getObject("owner_id", UUID.class);
                  boolean asOwner = owner.equals(caller.userId());
                  // the two sides only: an admin is neither, and would take one side's place in the
                  // room
                  if (!asOwner && !resident.equals(caller.userId())) {
                    return null;
                  }
                  return new Room(
                      rs.getObject("id", UUID.class),
                      rs.getObject("business_id", UUID.class),
                      rs.getString("name"),
                      asOwner);
                })
            .optional();
    return room.orElseThrow(CallNotFoundException::new);
  }

  /**
   * The names a side's tracks are published under, by their kind; the other side pulls them by
   * these names.
   */
  public static final List<String> TRACK_NAMES = List.of("audio", "video");

  /**
   * The caller joins the room: a Cloudflare Calls session of their own, where their browser's
   * tracks are published (its SDP offer answered), kept as their side's session so the other side
   * can pull from it.
   *
   * @param tracks the offer's media sections, mid → kind (one of {@link #TRACK_NAMES}, each at most
   *     once)
   * @return what the browser needs, and whether the other side has joined
   */
  @Transactional
  public Joined join(Caller caller, UUID callId, String offerSdp, Map<String, String> tracks) {
    Room room = room(caller, callId);
    CloudflareCallsClient.CallSession session = calls.newSession(null);
    String answer = calls.pushTracks(session.sessionId(), offerSdp, tracks);
    jdbc.sql(
            "UPDATE business_calls SET "
                + (room.asOwner() ? "owner_session" : "resident_session")
                + " = :session WHERE id = :id")
        .param("session", session.sessionId())
        .param("id", callId)
        .update();
    return new Joined(
        session.appId(), session.sessionId(), answer, sessions(room).theirs() != null);
  }

  /** Whether the other side has joined (the room page asks until they have). */
  public boolean otherSideJoined(Caller caller, UUID callId) {
    return sessions(room(caller, callId)).theirs() != null;
  }

  /**
   * Subscribes the caller's session to the other side's tracks.
   *
   * @return Cloudflare's SDP offer, which the browser answers ({@link #answer})
   * @throws ErrorResponseException 409 when either side has not joined yet
   */
  public String pullOtherSide(Caller caller, UUID callId) {
    Sessions sessions = sessions(room(caller, callId));
    if (sessions.mine() == null || sessions.theirs() == null) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.CONFLICT,
              sessions.mine() == null
                  ? "Join the call first."
                  : "The other side has not joined yet.");
      problem.setTitle("Not both in the room");
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
    return calls.pullTracks(sessions.mine(), sessions.theirs(), TRACK_NAMES);
  }

  /** The browser's SDP answer to the offer of {@link #pullOtherSide}. */
  public void answer(Caller caller, UUID callId, String answerSdp) {
    Sessions sessions = sessions(room(caller, callId));
    if (sessions.mine() == null) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Join the call first.");
      problem.setTitle("Not in the room");
      throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }
    calls.renegotiate(sessions.mine(), answerSdp);
  }

  private Sessions sessions(Room room) {
    return jdbc.sql("SELECT resident_session, owner_session FROM business_calls WHERE id = :id")
        .param("id", room.id())
        .query(
            (rs, n) ->
                room.asOwner()
                    ? new Sessions(rs.getString("owner_session"), rs.getString("resident_session"))
                    : new Sessions(rs.getString("resident_session"), rs.getString("owner_session")))
        .single();
  }

  /**
   * The Calls sessions of the room, from the caller's side; null for a side that has not joined.
   */
  private record Sessions(String mine, String theirs) {}

  /**
   * @param answerSdp Cloudflare's SDP answer to the browser's offer
   * @param otherSideJoined whether the other side is in the room (then the browser pulls its tracks
   *     at once)
   */
  public record Joined(String appId, String sessionId, String answerSdp, boolean otherSideJoined) {}
}
