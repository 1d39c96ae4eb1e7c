package com.estatedesk.testsupport;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM, on a port chosen once per run: the service under test
 * is started with ESTATEDESK_SMTP_HOST/PORT pointing at it ({@link ServiceUnderTest}). Tests read what
 * arrived and follow its links; a test may stop it and start it again (the outbox keeps what could not go).
 */
public final class Mailbox {

    /** Chosen before the service starts, so that the service's environment can name it. */
    public static final int PORT = freePort();

    private static GreenMail server;

    private Mailbox() {}

    /** Running from now on (idempotent). */
    public static synchronized void start() {
        if (server == null) {
            // GreenMail 2 asks for a login by default; the service under test has no ESTATEDESK_SMTP_USER
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
        }
    }

    /** Down: the service's emails wait in its outbox. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every message that arrived for {@code recipient} since the server started. */
    public static synchronized List<MimeMessage> to(String recipient) {
        start();
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> isFor(message, recipient))
                .toList();
    }

    /** Waits until {@code count} messages have arrived for {@code recipient}, and answers them. */
    public static List<MimeMessage> await(String recipient, int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<MimeMessage> arrived = to(recipient);
        while (arrived.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " email(s) to " + recipient + " expected within " + within + ", "
                        + arrived.size() + " arrived");
            }
            sleep();
            arrived = to(recipient);
        }
        return arrived;
    }

    /** The one console link (…/#/page/token) in a message's text. */
    public static String link(MimeMessage message) {
        Matcher link = Pattern.compile("https?://\\S+/#/\\S+").matcher(GreenMailUtil.getBody(message));
        if (!link.find()) {
            throw new AssertionError("no link in: " + GreenMailUtil.getBody(message));
        }
        return link.group();
    }

    /** The token at the end of a console link. */
    public static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    public static String body(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
