package ir.hamyar.bot.resilience;

import ir.hamyar.bot.HamyarApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real application in a JVM of its own, so a test can kill it the hard way ({@link #kill()}: SIGKILL, no
 * shutdown hook, no clean stop) and start it again on the same database. Its console output goes to a file
 * under {@code target/}, kept for reading after a failure. It runs from the test class path unless
 * {@link Builder#jar(Path)} names a jar to start with {@code java -jar}, as production does. From the class path it
 * may also run another main class (e.g. a benchmark's baseline bot) that prints a ready line of its own.
 */
public final class ChildApp implements AutoCloseable {

    /** The line Spring Boot logs once the context is up (the bots start in the same refresh, before it). */
    static final String STARTED = "Started HamyarApplication";

    private final Process process;
    private final Path log;
    private final long launchedAt;
    private final String readyLine;

    private ChildApp(Process process, Path log, long launchedAt, String readyLine) {
        this.process = process;
        this.log = log;
        this.launchedAt = launchedAt;
        this.readyLine = readyLine;
    }

    /** The line the application logs once it is ready. */
    public static String startedLine() {
        return STARTED;
    }

    public static Builder builder() {
        return new Builder();
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the ready line (by default the started line); returns how long the start took (launch of the JVM to context ready). */
    public Duration awaitStarted(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (logText().contains(readyLine)) {
                return Duration.ofNanos(System.nanoTime() - launchedAt);
            }
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + " before starting; "
                        + "its output: " + log + "\n" + tail(60));
            }
            sleep(50);
        }
        throw new AssertionError("the application did not start within " + timeout + "; its output: " + log + "\n"
                + tail(60));
    }

    /** SIGKILL: the process dies at once, whatever it is doing. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: a clean shutdown. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        waitFor();
    }

    /** CPU time the process has used so far, all its threads together. */
    public Duration cpuTime() {
        return process.info().totalCpuDuration()
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + process.pid()));
    }

    /** Resident set size of the running process, in kB (from /proc). */
    public long residentKb() {
        return ProcStatus.of(process.pid()).kb("VmRSS");
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            // the file may be half written; a partial read is retried by the caller
            return "";
        }
    }

    String tail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the application process " + process.pid() + " did not end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public static final class Builder {
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8"));
        private Path log;
        private Path jar;
        private String mainClass = HamyarApplication.class.getName();
        private String readyLine = STARTED;

        private Builder() {
            properties.put("server.port", "0");
        }

        public Builder property(String key, Object value) {
            properties.put(key, String.valueOf(value));
            return this;
        }

        public Builder jvmOptions(String... options) {
            jvmOptions.clear();
            jvmOptions.addAll(List.of(options));
            return this;
        }

        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        /** Starts {@code java -jar jar} (e.g. the built or extracted application jar) instead of the class path. */
        public Builder jar(Path jar) {
            this.jar = jar;
            return this;
        }

        /**
         * Runs {@code mainClass} from the test class path instead of the application's, and waits for
         * {@code readyLine} in its output instead of Spring Boot's started line.
         */
        public Builder mainClass(Class<?> mainClass, String readyLine) {
            this.mainClass = mainClass.getName();
            this.readyLine = readyLine;
            return this;
        }

        /** An environment variable of the application's process, on top of this JVM's environment. */
        public Builder environment(String name, String value) {
            environment.put(name, value);
            return this;
        }

        public ChildApp start() {
            if (log == null) {
                throw new IllegalStateException("say where the application's output goes");
            }
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            if (jar == null) {
                command.add("-cp");
                command.add(System.getProperty("java.class.path"));
                command.add(mainClass);
            } else {
                command.add("-jar");
                command.add(jar.toString());
            }
            properties.forEach((k, v) -> command.add("--" + k + "=" + v));
            try {
                Files.createDirectories(log.toAbsolutePath().getParent());
                long launched = System.nanoTime();
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                builder.environment().putAll(environment);
                Process p = builder.start();
                return new ChildApp(p, log, launched, readyLine);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot launch the application", e);
            }
        }
    }
}
