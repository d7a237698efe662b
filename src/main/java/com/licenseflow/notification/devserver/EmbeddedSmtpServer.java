package com.licenseflow.notification.devserver;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A development SMTP server (GreenMail) on 127.0.0.1 that accepts mail for any address and keeps
 * it in memory until it stops, so a default run sends real SMTP without a mail server to set up.
 * The port stays the same across {@link #stop()} and {@link #start()}.
 */
public class EmbeddedSmtpServer {

    public static final String HOST = "127.0.0.1";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpServer.class);

    private final int port;
    private final GreenMail greenMail;

    /** @param port the SMTP port; 0 picks a free one once, so that tests and a second instance never clash */
    public EmbeddedSmtpServer(int port) {
        this.port = port == 0 ? freePort() : port;
        this.greenMail = new GreenMail(new ServerSetup(this.port, HOST, ServerSetup.PROTOCOL_SMTP));
    }

    public synchronized void start() {
        greenMail.start();
        log.info(
                "Embedded development SMTP server listening on {}:{}; what it receives: GET /api/dev-mailbox",
                HOST,
                port);
    }

    /** Stops listening; the mail received so far is dropped. */
    public synchronized void stop() {
        greenMail.stop();
    }

    public int port() {
        return port;
    }

    /** Everything received since the last start, oldest first. */
    public synchronized List<MimeMessage> received() {
        return Arrays.stream(greenMail.getReceivedMessages())
                .sorted(Comparator.comparing(EmbeddedSmtpServer::receivedAt))
                .toList();
    }

    private static Date receivedAt(MimeMessage message) {
        try {
            Date received = message.getReceivedDate();
            return received != null ? received : new Date(0);
        } catch (MessagingException e) {
            return new Date(0);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded SMTP server", e);
        }
    }
}
