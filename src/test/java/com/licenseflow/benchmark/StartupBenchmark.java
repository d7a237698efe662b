package com.licenseflow.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a measurement, left out of the normal run. LicenseFlow's packaged jar (demo data, in-memory H2)
 * against a bare Camunda 7.24 + Spring Boot application with the same webapps, engine REST, H2 and one
 * trivial process (src/test/bare-camunda, built here), started one after the other, alternating, with the
 * JVM's own defaults: the time from the JVM's start to the application's ready (Spring Boot's "process running
 * for") and the resident memory a few seconds after, both as plain jars ({@code java -jar}). Prints the medians
 * and the ratios.
 *
 * <pre>mvn -B -DskipTests package && mvn -B -Pbenchmark test -Dtest=StartupBenchmark</pre>
 */
class StartupBenchmark {

    private static final Pattern READY =
            Pattern.compile("Started \\w+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");
    private static final int ROUNDS = Integer.getInteger("benchmark.startup.rounds", 5);

    record Start(double seconds, long residentMb) {}

    @Test
    void licenseFlowStartsWithin13xAndHoldsWithin12xOfABareCamundaApplication() throws Exception {
        File licenseFlow = new File("target/licenseflow.jar").getAbsoluteFile();
        File bare = buildBare();
        print("plain jars (java -jar)", licenseFlow, bare);
    }

    private void print(String how, File licenseFlow, File bare) throws Exception {
        List<Start> ours = new ArrayList<>();
        List<Start> theirs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            theirs.add(start(bare, "Started BareCamundaApplication", List.of()));
            ours.add(start(
                    licenseFlow,
                    "Demo data seeded",
                    List.of(
                            "--licenseflow.mail.embedded-server.port=0",
                            "--spring.datasource.url=jdbc:h2:mem:startup;DB_CLOSE_DELAY=-1")));
        }
        double ourSeconds = median(ours.stream().map(Start::seconds).toList());
        double theirSeconds = median(theirs.stream().map(Start::seconds).toList());
        double ourMb = median(ours.stream().map(s -> (double) s.residentMb()).toList());
        double theirMb =
                median(theirs.stream().map(s -> (double) s.residentMb()).toList());
        System.out.printf(
                "%n%s, %d rounds each (medians)%n%-28s %10s %14s%n%-28s %10.1f %14.0f%n%-28s %10.1f %14.0f%n"
                        + "%-28s %10.2f %14.2f   (goal: start-up at most 1.3, memory at most 1.2)%n",
                how,
                ROUNDS,
                "",
                "ready after s",
                "resident MB",
                "bare Camunda 7.24",
                theirSeconds,
                theirMb,
                "LicenseFlow",
                ourSeconds,
                ourMb,
                "ratio",
                ourSeconds / theirSeconds,
                ourMb / theirMb);
        System.out.println("  each start (LicenseFlow / bare): " + ours + " / " + theirs);
    }

    private static Start start(File jar, String readyLine, List<String> arguments) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile(Path.of("target"), "startup-benchmark-", ".log");
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.getPath(), "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (!Files.readString(log).contains(readyLine)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(jar + " did not start:\n" + Files.readString(log));
                }
                process.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            // What it holds once the start's garbage has settled, as an operator reads it off the process.
            process.waitFor(3, java.util.concurrent.TimeUnit.SECONDS);
            Matcher ready = READY.matcher(Files.readString(log));
            if (!ready.find()) {
                throw new IllegalStateException("No start-up time in " + log);
            }
            return new Start(Double.parseDouble(ready.group(1)), residentMb(process.pid()));
        } finally {
            process.destroy();
            process.waitFor();
            Files.deleteIfExists(log);
        }
    }

    private static long residentMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("No VmRSS for " + pid);
    }

    /** src/test/bare-camunda built into target/bare-camunda (Maven from this machine's path). */
    private static File buildBare() throws Exception {
        Path project = Path.of("target", "bare-camunda").toAbsolutePath();
        copy(Path.of("src", "test", "bare-camunda"), project);
        Process build = new ProcessBuilder("mvn", "-B", "-q", "-DskipTests", "package")
                .directory(project.toFile())
                .inheritIO()
                .start();
        if (build.waitFor() != 0) {
            throw new IllegalStateException("Could not build " + project);
        }
        return project.resolve("target/bare-camunda.jar").toFile();
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
