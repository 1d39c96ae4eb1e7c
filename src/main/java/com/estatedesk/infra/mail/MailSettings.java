package com.estatedesk.infra.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** ESTATEDESK_SMTP_*: where email goes. Without a host the service sends none (and writes none to the outbox). */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "estatedesk.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "estatedesk.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "estatedesk.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "estatedesk.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "estatedesk.smtp.from", defaultValue = "EstateDesk <no-reply@estatedesk.invalid>")
    String from;

    @Inject
    @ConfigProperty(name = "estatedesk.smtp.starttls", defaultValue = "false")
    boolean startTls;

    public boolean isConfigured() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    String host() {
        return host.orElseThrow();
    }

    int port() {
        return port;
    }

    Optional<String> user() {
        return user.filter(u -> !u.isBlank());
    }

    String password() {
        return password.orElse("");
    }

    String from() {
        return from;
    }

    /** Jakarta Mail's session properties: bounded waits, so that a mail server that hangs delays one batch only. */
    Properties sessionProperties() {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", host());
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        properties.put("mail.smtp.auth", Boolean.toString(user().isPresent()));
        if (startTls) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        return properties;
    }
}
