# syntax=docker/dockerfile:1
#
# One image for every DigitalTowns service. SERVICE picks the jar that runs:
#
#   SERVICE=api        the api jar: the public web service, or with SERVICE_ROLE=auth PORT=3002 the private
#                      auth service, or with SERVICE_ROLE=crm PORT=3001 the private CRM service
#   SERVICE=relay      the Debezium outbox relay (run one deployment; extra instances stand by)
#   SERVICE=consumers  the event consumers; CONSUMER_<GROUP>_ENABLED picks the consumer groups of the process
#
# Build:  docker build -t digitaltowns .
# Run:    docker run --env-file .env -e SERVICE=relay digitaltowns
# Every setting is an environment variable; .env.example lists them all.
# Needs BuildKit (the default builder of Docker 23+, Docker Compose v2 and Render).

############################################################################
# Build: the project's own Maven wrapper on a full JDK 17; tests run in CI, not here.
############################################################################
FROM eclipse-temurin:17-jdk AS build
WORKDIR /workspace
COPY . .
# The cache mount keeps downloaded dependencies (and the Maven the wrapper fetches) between builds.
RUN --mount=type=cache,target=/root/.m2 \
    sh ./mvnw -B -ntp -pl api,relay,consumers -am package -Dmaven.test.skip=true \
 && mkdir /out \
 && cp api/target/api-*-exec.jar /out/api.jar \
 && cp relay/target/relay-*-exec.jar /out/relay.jar \
 && cp consumers/target/consumers-*-exec.jar /out/consumers.jar \
 && mkdir -p /out/probe/io/digitaltowns/platform/health \
 && cp platform/target/classes/io/digitaltowns/platform/health/HealthProbe.class /out/probe/io/digitaltowns/platform/health/

############################################################################
# Runtime: JRE only, unprivileged user, the three executable jars, the health probe class and two small scripts.
############################################################################
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 digitaltowns \
 && useradd --system --uid 10001 --gid digitaltowns --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin digitaltowns

WORKDIR /app
# Owned by root and read-only for the service user: the process cannot change its own code.
COPY --from=build /out/api.jar /out/relay.jar /out/consumers.jar /app/
# The health check's HTTP client (module platform, HealthProbe): a JRE image has no curl or wget.
COPY --from=build /out/probe /app/probe

# /app/bin/run: starts the service named by SERVICE (or by its first argument). DATABASE_URL may be a JDBC URL or
# the platform form postgres://user:password@host:5432/db?sslmode=require: the services translate it (module platform).
COPY --chmod=0755 <<'EOF' /app/bin/run
#!/bin/sh
set -eu

service="${1:-${SERVICE:-api}}"
case "$service" in
  api) jar=/app/api.jar ;;
  relay) jar=/app/relay.jar ;;
  consumers) jar=/app/consumers.jar ;;
  *)
    echo "run: SERVICE must be api, relay or consumers, was '$service'" >&2
    exit 64 ;;
esac

# Render's fromService ... property: hostport gives host:port without a scheme.
case "${AUTH_SERVICE_URL:-}" in
  ''|http://*|https://*) ;;
  *) AUTH_SERVICE_URL="http://$AUTH_SERVICE_URL"; export AUTH_SERVICE_URL ;;
esac
case "${CRM_SERVICE_URL:-}" in
  ''|http://*|https://*) ;;
  *) CRM_SERVICE_URL="http://$CRM_SERVICE_URL"; export CRM_SERVICE_URL ;;
esac

# Avro only instantiates generated classes from trusted packages (same list as the build's avro.trusted).
# JAVA_OPTS is deliberately unquoted: it is a list of JVM options.
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} \
  -Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.digitaltowns.events.accounts,io.digitaltowns.events.analytics,io.digitaltowns.events.billing,io.digitaltowns.events.businesses,io.digitaltowns.events.crm,io.digitaltowns.events.stripe,io.digitaltowns.events.towns \
  -jar "$jar"
EOF

# /app/bin/healthcheck: the image's HEALTHCHECK, with the JRE's own java and the probe class (no curl, no wget).
#  api: GET /health on PORT (the liveness answer; dependency health is on /actuator/health).
#  relay, consumers: GET /actuator/health/liveness on their operator port (PORT, 8082 and 8083 unless set).
# A small heap and the client compiler keep the probe's JVM to a fraction of a second.
COPY --chmod=0755 <<'EOF' /app/bin/healthcheck
#!/bin/sh
case "${SERVICE:-api}" in
  api) url="http://127.0.0.1:${PORT:-8080}/health" ;;
  relay) url="http://127.0.0.1:${PORT:-8082}/actuator/health/liveness" ;;
  consumers) url="http://127.0.0.1:${PORT:-8083}/actuator/health/liveness" ;;
  *) echo "healthcheck: unknown SERVICE '${SERVICE}'" >&2; exit 1 ;;
esac
exec java -Xmx16m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
  -cp /app/probe io.digitaltowns.platform.health.HealthProbe "$url"
EOF

# Half the container's memory for the heap: metaspace, code cache, thread stacks and the allocator need the rest.
# With 75 % the api reached a 512 MB container's limit under load and the kernel killed it (docs/benchmarks.md).
ENV SERVICE=api \
    JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:+ExitOnOutOfMemoryError"

USER 10001:10001
# api as web service (PORT, 8080 unless the platform sets it), as auth service (3002), as CRM service (3001)
EXPOSE 8080 3002 3001
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD ["/app/bin/healthcheck"]
# No entrypoint wrapper: a platform's command override (Render's dockerCommand, compose's command) replaces CMD whole.
ENTRYPOINT []
CMD ["/app/bin/run"]
