package io.digitaltowns.infra.stripe;

import io.digitaltowns.infra.stripe.StripeAccount.PortalView;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The two pages Stripe hosts that the project sends people to: Checkout (pay for the subscription
 * with a card) and the customer portal (change the card, cancel). Plain HTML forms with their own
 * small stylesheet, nothing loaded from elsewhere, labelled so that an accessibility check passes.
 */
final class HostedPages {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private static final String STYLE =
      """
      body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f6f9fc;color:#1a1f36}
      header{background:#4b44d6;color:#fff;padding:.75rem 1.5rem}
      header p{margin:0;font-weight:600}
      main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002}
      h1{font-size:1.4rem;margin-top:0}
      h2{font-size:1.1rem}
      label{display:block;font-weight:600;margin-top:1rem}
      input{width:100%;box-sizing:border-box;font:inherit;padding:.6rem;border:1px solid #6b7385;border-radius:6px}
      button{margin-top:1rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;border:0;border-radius:6px;background:#4b44d6;color:#fff;cursor:pointer}
      button.secondary{background:#fff;color:#a1161e;border:1px solid #a1161e}
      .error{color:#a1161e;font-weight:600}
      .amount{font-size:1.6rem;font-weight:700}
      .hint{color:#4a5263;font-size:.9rem}
      a{color:#3d36c4}
      """;

  private HostedPages() {}

  static String checkout(
      String sessionId,
      String productName,
      long amount,
      String currency,
      String email,
      String error) {
    String body =
        """
        <h1>Subscribe to %s</h1>
        <p class="amount">%s <span class="hint">per month</span></p>
        %s
        <form method="post" action="/checkout/%s">
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="email" value="%s">
          <label for="card">Card number</label>
          <input id="card" name="card" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required aria-describedby="card-hint">
          <p id="card-hint" class="hint">Test mode: 4242 4242 4242 4242 always pays; 4000 0000 0000 0341 pays now and fails at renewal.</p>
          <button type="submit">Subscribe</button>
        </form>
        <form method="post" action="/checkout/%s/cancel">
          <button type="submit" class="secondary">Back</button>
        </form>
        """
            .formatted(
                escape(productName),
                money(amount, currency),
                errorParagraph(error),
                sessionId,
                escape(email == null ? "" : email),
                sessionId);
    return page("Checkout", body);
  }

  static String portal(PortalView view, String error, String notice) {
    StringBuilder body = new StringBuilder();
    body.append("<h1>Your subscription</h1>");
    body.append(errorParagraph(error));
    if (notice != null) {
      body.append("<p role=\"status\">").append(escape(notice)).append("</p>");
    }
    body.append("<h2>").append(escape(view.productName())).append("</h2>");
    if (view.status() == null) {
      body.append("<p>No subscription.</p>");
    } else {
      body.append("<p>")
          .append(money(view.amount(), view.currency()))
          .append(" per month · status <strong>")
          .append(escape(view.status()))
          .append("</strong></p>");
      if (view.currentPeriodEnd() != null && !"canceled".equals(view.status())) {
        body.append("<p>")
            .append(view.cancelAtPeriodEnd() ? "Cancels on " : "Renews on ")
            .append(date(view.currentPeriodEnd()))
            .append(".</p>");
      }
      if ("past_due".equals(view.status())) {
        body.append(
            "<p class=\"error\">The last payment failed. Update your card: the next attempt charges it.</p>");
      }
    }
    body.append("<h2>Payment method</h2><p>")
        .append(view.cardLast4() == null ? "No card." : "Card ending in " + view.cardLast4())
        .append("</p>");
    body.append(
        """
        <form method="post" action="/portal/%1$s/card">
          <label for="card">New card number</label>
          <input id="card" name="card" inputmode="numeric" autocomplete="cc-number" required aria-describedby="card-hint">
          <p id="card-hint" class="hint">Test mode: 4242 4242 4242 4242 pays; 4000 0000 0000 0341 fails.</p>
          <button type="submit">Update card</button>
        </form>
        """
            .formatted(view.sessionId()));
    if (view.status() != null && !"canceled".equals(view.status())) {
      if (view.cancelAtPeriodEnd()) {
        body.append(
            """
            <form method="post" action="/portal/%s/renew"><button type="submit">Don't cancel</button></form>
            """
                .formatted(view.sessionId()));
      } else {
        body.append(
            """
            <form method="post" action="/portal/%s/cancel"><button type="submit" class="secondary">Cancel subscription</button></form>
            """
                .formatted(view.sessionId()));
      }
    }
    if (view.returnUrl() != null) {
      body.append("<p><a href=\"")
          .append(escape(view.returnUrl()))
          .append("\">Return to DigitalTowns</a></p>");
    }
    return page("Billing", body.toString());
  }

  static String message(String title, String text) {
    return page(title, "<h1>" + escape(title) + "</h1><p>" + escape(text) + "</p>");
  }

  private static String page(String title, String body) {
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s · Stripe stand-in (test mode)</title><style>%s</style></head>
        <body><header><p>Stripe stand-in · test mode</p></header>
        <main>%s</main></body></html>
        """
        .formatted(escape(title), STYLE, body);
  }

  private static String errorParagraph(String error) {
    return error == null ? "" : "<p class=\"error\" role=\"alert\">" + escape(error) + "</p>";
  }

  static String money(long amount, String currency) {
    String symbol =
        switch (currency) {
          case "eur" -> "€";
          case "gbp" -> "£";
          case "usd" -> "$";
          default -> currency.toUpperCase(Locale.ROOT) + " ";
        };
    return symbol + String.format(Locale.ENGLISH, "%d.%02d", amount / 100, amount % 100);
  }

  private static String date(Instant instant) {
    return DATE.format(instant);
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
