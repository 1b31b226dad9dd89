package io.digitaltowns.api.site.layout;

import java.util.Arrays;

/**
 * A one-line confirmation shown after a redirect ({@code ?notice=renamed}). Only these fixed texts
 * can appear: the query string names one, it never carries text into the page.
 */
public enum Notice {
  RENAMED("renamed", "Your name is changed."),
  PASSWORD_CHANGED(
      "password-changed", "Your password is changed. Every other session is signed out."),
  PASSWORD_RESET("password-reset", "Your password is changed. Sign in with the new one."),
  SIGNED_OUT_EVERYWHERE("signed-out-everywhere", "You are signed out everywhere, on every device."),
  ACCOUNT_DELETED("account-deleted", "Your account is deleted."),
  LISTING_APPROVED(
      "listing-approved", "The listing is approved and published; the owner gets a mail."),
  LISTING_REJECTED(
      "listing-rejected", "The listing is rejected; the owner gets a mail with the reason."),
  EMAIL_CONFIRMED(
      "email-confirmed", "Your address is confirmed and your password is set. You are signed in."),
  USER_SUSPENDED(
      "user-suspended",
      "The user is suspended: they are signed out everywhere and cannot sign in."),
  USER_REINSTATED("user-reinstated", "The user is reinstated and can sign in again."),
  TOWN_CREATED("town-created", "The town is created."),
  TOWN_SAVED("town-saved", "The town is saved."),
  NOTE_ADDED("note-added", "The note is added. It shows on the timeline within a few seconds.");

  private final String key;
  private final String message;

  Notice(String key, String message) {
    this.key = key;
    this.message = message;
  }

  public String key() {
    return key;
  }

  /** The text for a {@code ?notice=} value, or null for none or an unknown one. */
  public static String messageFor(String key) {
    return Arrays.stream(values())
        .filter(n -> n.key.equals(key))
        .findFirst()
        .map(n -> n.message)
        .orElse(null);
  }

  /** Where to redirect to show this notice on {@code path}. */
  public String on(String path) {
    return "redirect:" + path + (path.contains("?") ? "&" : "?") + "notice=" + key;
  }
}
