package io.digitaltowns.consumers.email;

/** One mail to send, tied to the event that caused it. */
public record OutgoingMail(String eventId, String to, String subject, String text) {
}
