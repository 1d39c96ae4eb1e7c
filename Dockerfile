# EstateDesk on the official Payara Micro image (same version as the build), WAR served at /.
# Configured only by environment variables (SPEC §3): DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD,
# DB_OWNER_USER, DB_OWNER_PASSWORD, ESTATEDESK_ADMIN_EMAIL, ESTATEDESK_ADMIN_PASSWORD, ...
#
#   docker build -t estatedesk .
#   docker run -p 8080:8080 -e DB_HOST=... -e DB_NAME=... -e DB_USER=... -e DB_PASSWORD=... estatedesk

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
COPY .mvn .mvn
COPY src src
RUN mvn -q -DskipTests package

FROM payara/micro:6.2025.10-jdk17
# The image runs as its own unprivileged user (payara).
COPY --from=build /build/target/estatedesk.war /opt/payara/estatedesk/ROOT.war
COPY --from=build /build/target/runtime/postgresql.jar /opt/payara/estatedesk/postgresql.jar
COPY server-config/payara/postboot-postgresql.asadmin /opt/payara/estatedesk/postboot-postgresql.asadmin
ENV DB_PORT=5432
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD wget -q -O /dev/null http://localhost:8080/health/ready || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=70", "-jar", "/opt/payara/payara-micro.jar", \
  "--deploy", "/opt/payara/estatedesk/ROOT.war", \
  "--addlibs", "/opt/payara/estatedesk/postgresql.jar", \
  "--postbootcommandfile", "/opt/payara/estatedesk/postboot-postgresql.asadmin", \
  "--nohazelcast", "--port", "8080"]
