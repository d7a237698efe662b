package com.licenseflow.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar, started the way a user starts it ({@code java -jar}). {@link #get()} is the one
 * shared by the tests that must see what a user sees (demo data on an in-memory database);
 * {@link #start} starts another with its own arguments and environment, for the tests that start,
 * stop and kill it.
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
            running = start(
                    "packaged-application",
                    List.of(
                            "--spring.datasource.url=jdbc:h2:mem:packaged;DB_CLOSE_DELAY=-1",
                            "--licenseflow.demo.enabled=true"),
                    Map.of());
            running.awaitReady("Demo data seeded");
            Runtime.getRuntime().addShutdownHook(new Thread(running.process::destroy));
        }
        return running;
    }

    /** Starts the jar on a free port with {@code arguments} and {@code environment}; its log goes to target/{name}.log. */
    public static PackagedApplication start(String name, List<String> arguments, Map<String, String> environment) {
        return startIn(null, name, arguments, environment);
    }

    /**
     * {@link #start}, in {@code directory} (null: the project's), as a user who runs it from there
     * does: its default database, {@code data/}, is then under that directory.
     */
    public static PackagedApplication startIn(
            Path directory, String name, List<String> arguments, Map<String, String> environment) {
        // The suites start a dozen short-lived nodes on two cores: the client compiler alone and the serial
        // collector start them about a third faster and leave the cores to the tests (no effect on behaviour).
        return startIn(directory, name, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), arguments, environment);
    }

    /** With the JVM's own defaults (both compilers, its default collector): for benchmarks that time it. */
    public static PackagedApplication startAsInProduction(String name, List<String> arguments) {
        return startIn(null, name, List.of(), arguments, Map.of());
    }

    private static PackagedApplication startIn(
            Path directory,
            String name,
            List<String> jvmOptions,
            List<String> arguments,
            Map<String, String> environment) {
        File jar = new File("target/licenseflow.jar").getAbsoluteFile();
        if (!jar.exists()) {
            throw new IllegalStateException("target/licenseflow.jar is missing: run mvn verify (it packages first)");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Path.of("target", name + ".log").toAbsolutePath();
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-jar", jar.getPath(), "--server.port=" + port, "--licenseflow.mail.embedded-server.port=0"));
            command.addAll(arguments);
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(environment);
            return new PackagedApplication(builder.start(), port, log);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the packaged jar", e);
        }
    }

    /**
     * The heap in use after a full collection, in MB, as {@code jcmd} reports it: what the application
     * holds, not what it has not collected yet.
     */
    public long heapUsedAfterGcMb() {
        run(jcmd(), String.valueOf(process.pid()), "GC.run");
        return heapInUseMb();
    }

    /** The heap in use now, garbage included (no collection forced), in MB, as {@code jcmd} reports it. */
    public long heapInUseMb() {
        String info = run(jcmd(), String.valueOf(process.pid()), "GC.heap_info");
        long usedKb = 0;
        Matcher used =
                Pattern.compile("(generation|heap) +total \\d+K, used (\\d+)K").matcher(info);
        while (used.find()) {
            usedKb += Long.parseLong(used.group(2));
        }
        return usedKb / 1024;
    }

    private static String jcmd() {
        return Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    private static String run(String... command) {
        try {
            Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(tool.getInputStream().readAllBytes());
            tool.waitFor(1, TimeUnit.MINUTES);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Api api() {
        return Api.at(port);
    }

    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the log shows {@code line} and the application answers HTTP; fails if it stops first. */
    public PackagedApplication awaitReady(String line) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The jar stopped:\n" + log());
            }
            if (log().contains(line) && answers()) {
                return this;
            }
            waitForProcess(250);
        }
        process.destroy();
        throw new IllegalStateException("The jar did not start within 2 minutes:\n" + log());
    }

    /** Waits until the application stops by itself (say, refusing to start) and returns its exit code. */
    public int awaitExit() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("The jar did not stop within 2 minutes:\n" + log());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops it as an orchestrator would (SIGTERM) and waits until it has. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** {@link #stop} unless it is no longer running (a test killed it). */
    public void stopIfRunning() {
        if (process.isAlive()) {
            stop();
        }
    }

    /** Kills it like a crash, an OOM kill or kill -9: no shutdown hooks, nothing flushed on the way out. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    private void waitForProcess(long millis) {
        try {
            // Waits on the process itself: returns at once if it dies.
            process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean answers() {
        try {
            return api().get("/api/me").status() == 401;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }
}
