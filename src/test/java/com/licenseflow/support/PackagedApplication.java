package com.licenseflow.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar, started once per test JVM the way a user starts it ({@code java -jar}), with
 * demo data on an in-memory database. Used by the tests that must see what a user sees.
 */
public final class PackagedApplication {

    private static PackagedApplication running;

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApplication(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static synchronized PackagedApplication get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running.process::destroy));
        }
        return running;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Api api() {
        return Api.at(port);
    }

    private static PackagedApplication start() {
        File jar = new File("target/licenseflow.jar");
        if (!jar.exists()) {
            throw new IllegalStateException("target/licenseflow.jar is missing: run mvn verify (it packages first)");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Path.of("target", "packaged-application.log");
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.getPath(),
                    "--server.port=" + port, "--spring.datasource.url=jdbc:h2:mem:packaged;DB_CLOSE_DELAY=-1",
                    "--licenseflow.demo.enabled=true", "--licenseflow.mail.embedded-server.port=0"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PackagedApplication application = new PackagedApplication(process, port, log);
            application.awaitStarted();
            return application;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the packaged jar", e);
        }
    }

    private void awaitStarted() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The jar stopped:\n" + Files.readString(log));
            }
            if (Files.readString(log).contains("Demo data seeded") && answers()) {
                return;
            }
            try {
                // Waits on the starting process itself; returns at once if it dies.
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroy();
        throw new IllegalStateException("The jar did not start within 2 minutes:\n" + Files.readString(log));
    }

    private boolean answers() {
        try {
            return api().get("/engine-rest/engine").status() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }
}
