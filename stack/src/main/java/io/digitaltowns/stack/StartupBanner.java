package io.digitaltowns.stack;

import io.digitaltowns.infra.LocalStack;

/** The short table printed once everything runs: what is where. */
record StartupBanner(LocalStack stack, String apiUrl, String relayUrl, String consumersUrl) {

  String render() {
    String row = "  %-18s %s%n";
    StringBuilder out = new StringBuilder();
    out.append(System.lineSeparator())
        .append("DigitalTowns is running (Ctrl-C stops everything; data stays in .local-data/)")
        .append(System.lineSeparator());
    out.append(
        String.format(
            row,
            "site",
            apiUrl + "/   <- open this in a browser (residents, owners; admins: see README)"));
    out.append(
        String.format(
            row,
            "api",
            apiUrl
                + "   (OpenAPI: "
                + apiUrl
                + "/v3/api-docs, UI: "
                + apiUrl
                + "/swagger-ui.html)"));
    out.append(
        String.format(row, "operations", apiUrl + "/admin/operations   (sign in as an admin)"));
    out.append(
        String.format(
            row,
            "relay",
            "Debezium outbox relay -> Kafka   (health/metrics: "
                + relayUrl
                + "/actuator/health, /actuator/prometheus)"));
    out.append(
        String.format(
            row,
            "consumers",
            "email, crm, analytics, backup   (health/metrics: "
                + consumersUrl
                + "/actuator/health, /actuator/prometheus)"));
    out.append(
        String.format(
            row, "PostgreSQL", stack.jdbcUrl() + "   (user " + stack.databaseUser() + ")"));
    out.append(String.format(row, "Kafka", stack.kafkaBootstrapServers()));
    out.append(String.format(row, "schema registry", stack.schemaRegistryUrl()));
    out.append(
        String.format(
            row,
            "mail inbox",
            stack.inboxUrl() + "   <- every mail the system sent, as users see it"));
    out.append(
        String.format(
            row,
            "SMTP",
            stack.smtpHost()
                + ":"
                + stack.smtpPort()
                + "   (mail received, JSON: "
                + stack.mailApiUrl()
                + "/api/messages)"));
    out.append(
        String.format(
            row, "S3", stack.s3Endpoint() + "   (access key " + stack.s3AccessKey() + ")"));
    out.append(
        String.format(
            row,
            "Stripe stand-in",
            stack.stripe().url()
                + "   (test card 4242 4242 4242 4242; next renewal: POST "
                + stack.stripe().url()
                + "/_standin/advance?business=<business id> with the bearer token in "
                + stack.stripeAdminTokenFile()
                + ", see docs/billing.md)"));
    out.append(String.format(row, "demo town", apiUrl + "/towns/demo-town"));
    return out.toString();
  }
}
