package com.estatedesk.database;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;

/** Which database the service runs on, and the settings that depend on it. */
@ApplicationScoped
public class Database {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(name = "jdbc/estatedesk")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "estatedesk.lock.timeout.ms", defaultValue = "5000")
    long lockTimeoutMillis;

    private volatile Description description;

    public record Description(String product, String version, String user, boolean postgreSql) {
    }

    public boolean isPostgreSql() {
        return describe().postgreSql();
    }

    /** How long a transaction waits for a row lock (a company's sequence) before giving up with 503. */
    public long lockTimeoutMillis() {
        return lockTimeoutMillis;
    }

    public Description describe() {
        Description known = description;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                known = new Description(meta.getDatabaseProductName(), meta.getDatabaseProductVersion(),
                        meta.getUserName(), meta.getDatabaseProductName().toLowerCase().contains("postgresql"));
            } catch (SQLException e) {
                throw new IllegalStateException("The application datasource jdbc/estatedesk is not usable", e);
            }
            description = known;
            if (!known.postgreSql()) {
                LOG.warning("*** EstateDesk runs on the EMBEDDED DEMO DATABASE (" + known.product() + " "
                        + known.version() + ", ~/.estatedesk/demo). No row-level security; not for real data. "
                        + "Set DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD for PostgreSQL. ***");
            } else {
                LOG.info("EstateDesk runs on " + known.product() + " " + known.version() + " as " + known.user());
            }
        }
        return known;
    }
}
