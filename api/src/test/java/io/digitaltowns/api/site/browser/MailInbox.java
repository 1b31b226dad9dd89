package io.digitaltowns.api.site.browser;

import static org.awaitility.Awaitility.await;

import io.digitaltowns.infra.LocalStack;
import io.digitaltowns.infra.mail.MailServer;
import io.digitaltowns.infra.mail.ReceivedMail;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local test SMTP server's inbox (infra's {@link MailServer}), read the way a person reads
 * theirs: wait for the mail to arrive, then follow a link in it. Links carry the configured public
 * base URL; a test opens the returned path and query against the server it runs.
 */
public final class MailInbox {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"')]+");
  private static final Duration ARRIVAL_LIMIT = Duration.ofSeconds(30);

  private final MailServer mail;

  public MailInbox(MailServer mail) {
    this.mail = mail;
  }

  public static MailInbox shared() {
    return new MailInbox(LocalStack.shared().mail());
  }

  /**
   * Waits for a mail to {@code recipient} holding a link whose path starts with {@code pathPrefix}
   * and returns that link's path and query (e.g. {@code /verify-email?token=...}); the newest such
   * mail wins.
   */
  public String awaitLinkPath(String recipient, String pathPrefix) {
    return await("a mail to " + recipient + " with a link to " + pathPrefix)
        .atMost(ARRIVAL_LIMIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> newestLinkPath(recipient, pathPrefix), Optional::isPresent)
        .orElseThrow();
  }

  Optional<String> newestLinkPath(String recipient, String pathPrefix) {
    var messages = mail.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      ReceivedMail received = messages.get(i);
      if (!received.to().stream().anyMatch(recipient::equalsIgnoreCase)) {
        continue;
      }
      Optional<String> link = linkPath(received.text(), pathPrefix);
      if (link.isPresent()) {
        return link;
      }
    }
    return Optional.empty();
  }

  static Optional<String> linkPath(String text, String pathPrefix) {
    Matcher links = LINK.matcher(text == null ? "" : text);
    while (links.find()) {
      URI uri = URI.create(links.group());
      if (uri.getRawPath() != null && uri.getRawPath().startsWith(pathPrefix)) {
        return Optional.of(
            uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
      }
    }
    return Optional.empty();
  }
}
