# EstateDesk on the official Payara Micro image of the build's version, WAR served at /.
# Configured only by environment variables (SPEC §3): DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD,
# DB_OWNER_USER, DB_OWNER_PASSWORD, ESTATEDESK_ADMIN_EMAIL, ESTATEDESK_ADMIN_PASSWORD, ...
#
#   docker build -t estatedesk .
#   docker run -p 8080:8080 -e DB_HOST=... -e DB_NAME=... -e DB_USER=... -e DB_PASSWORD=... estatedesk
#
# The container runs exactly the README's uber-jar command, from the same relative paths;
# scripts/uberjar-smoke.sh reads the command from this file and runs it, so the two cannot drift apart.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY .mvn .mvn
COPY src src
RUN mvn -q -Puberjar -DskipTests package

FROM payara/micro:6.2025.10-jdk17
WORKDIR /opt/payara/estatedesk
COPY --from=build --chown=payara:payara /build/target/estatedesk-micro.jar target/estatedesk-micro.jar
COPY --chown=payara:payara server-config/jvm.options server-config/jvm.options
COPY --chown=payara:payara server-config/payara/preboot.asadmin server-config/payara/preboot.asadmin
COPY --chown=payara:payara server-config/payara/postboot-postgresql.asadmin server-config/payara/postboot-postgresql.asadmin
# Memory as in server-config/payara/run.sh (BENCHMARKS.md): 192 MiB heap, parallel collector, two malloc arenas.
ENV DB_PORT=5432 DB_PREPARE_THRESHOLD=5 MALLOC_ARENA_MAX=2
# The image's unprivileged user; nothing here needs root.
USER payara
EXPOSE 8080
# bash's /dev/tcp: the image has no curl or wget. Ready means migrated, database reachable, RLS in force.
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -1 <&3 | grep -q ' 200 '"]
# ENTRYPOINT, not CMD: the base image has its own ENTRYPOINT, which this replaces.
ENTRYPOINT ["java", "@server-config/jvm.options", "-jar", "target/estatedesk-micro.jar", "--prebootcommandfile", "server-config/payara/preboot.asadmin", "--postbootcommandfile", "server-config/payara/postboot-postgresql.asadmin", "--nohazelcast"]
