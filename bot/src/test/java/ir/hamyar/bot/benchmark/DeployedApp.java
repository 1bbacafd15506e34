package ir.hamyar.bot.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application as {@code deploy/Dockerfile} runs it: the built fat jar extracted with Spring Boot's tools jar
 * mode, a class data sharing archive made by the same training run as the image's, and the JVM flags and
 * environment of the image's runtime stage, read from the Dockerfile itself so that the benchmark measures what
 * is deployed. The image's {@code /opt/hamyar} becomes a folder of the caller's.
 *
 * <p>For comparison it also prepares the image's previous way (before Spring AOT was adopted): the same extracted jar
 * and flags without {@value #AOT}, with an archive of its own trained without it (an archive is trained in the mode
 * it is used in: the classes AOT loads differ).
 */
final class DeployedApp {

    static final Path JAR = Path.of("target", "hamyar-bot.jar");
    static final Path DOCKERFILE = Path.of("..", "deploy", "Dockerfile");
    private static final String IMAGE_DIR = "/opt/hamyar/";
    static final String AOT = "-Dspring.aot.enabled=true";
    private static final String PREVIOUS_ARCHIVE = "hamyar-without-aot.jsa";
    /** What the image's training run does; checked against the Dockerfile so that the two cannot drift apart. */
    private static final List<String> TRAINING_IN_DOCKERFILE = List.of(
            "java -Djarmode=tools -jar /tmp/hamyar-bot.jar extract --destination /opt/hamyar",
            "SPRING_DATASOURCE_URL='jdbc:h2:mem:cds;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH'",
            "SERVER_PORT=0 java -XX:ArchiveClassesAtExit=/opt/hamyar/hamyar.jsa " + AOT + " -Dspring.context.exit=onRefresh",
            "-jar /opt/hamyar/hamyar-bot.jar");

    private final Path dir;
    private final List<String> jvmFlags;
    private final Map<String, String> environment;

    private DeployedApp(Path dir, List<String> jvmFlags, Map<String, String> environment) {
        this.dir = dir;
        this.jvmFlags = jvmFlags;
        this.environment = environment;
    }

    /** Extracts the built jar into {@code dir} and makes its archive as the image build does. */
    static DeployedApp prepare(Path dir) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new AssertionError(JAR.toAbsolutePath() + " is missing: the startup benchmark measures the built jar"
                    + " as deployed. Build it first from the repository root with ./mvnw -B -q -DskipTests package");
        }
        String dockerfile = Files.readString(DOCKERFILE, StandardCharsets.UTF_8);
        String oneLine = dockerfile.replaceAll("\\\\\\n\\s*", " ").replaceAll(" +", " ");
        for (String part : TRAINING_IN_DOCKERFILE) {
            if (!oneLine.contains(part)) {
                throw new AssertionError(DOCKERFILE + " no longer contains \"" + part + "\": make DeployedApp build the"
                        + " class data sharing archive as the Dockerfile does now");
            }
        }
        Path app = dir.resolve("hamyar");
        run(dir, Map.of(), dir.resolve("extract.log"), Duration.ofMinutes(2), "-Djarmode=tools", "-jar",
                JAR.toAbsolutePath().toString(), "extract", "--destination", app.toString());
        train(dir, app, "hamyar.jsa", AOT);
        train(dir, app, PREVIOUS_ARCHIVE);
        return new DeployedApp(app, entrypointFlags(dockerfile, app), runtimeEnvironment(dockerfile));
    }

    private static void train(Path dir, Path app, String archive, String... flags)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-XX:ArchiveClassesAtExit=" + app.resolve(archive)));
        args.addAll(List.of(flags));
        args.addAll(List.of("-Dspring.context.exit=onRefresh", "-jar", app.resolve("hamyar-bot.jar").toString()));
        Path log = dir.resolve("cds-training-" + archive + ".log");
        run(dir, Map.of("SPRING_DATASOURCE_URL",
                        "jdbc:h2:mem:cds;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                        "SERVER_PORT", "0"),
                log, Duration.ofMinutes(10), args.toArray(String[]::new));
        if (!Files.isRegularFile(app.resolve(archive))) {
            throw new AssertionError("the training run made no archive; its output:\n" + tail(log));
        }
    }

    /** The JVM flags of the image's ENTRYPOINT, with its paths moved to this copy. */
    List<String> jvmFlags() {
        return jvmFlags;
    }

    /** The image's way before Spring AOT: the same flags without it, and an archive trained without it. */
    List<String> previousJvmFlags() {
        if (!jvmFlags.contains(AOT)) {
            throw new AssertionError(DOCKERFILE + "'s ENTRYPOINT no longer has " + AOT + ": " + jvmFlags);
        }
        return jvmFlags.stream().filter(f -> !f.equals(AOT))
                .map(f -> f.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + dir.resolve(PREVIOUS_ARCHIVE) : f)
                .toList();
    }

    /** The ENV variables of the image's runtime stage. */
    Map<String, String> environment() {
        return environment;
    }

    Path jar() {
        return dir.resolve("hamyar-bot.jar");
    }

    static List<String> entrypointFlags(String dockerfile, Path dir) {
        Matcher m = Pattern.compile("(?m)^ENTRYPOINT\\s*\\[((?:[^\\]]|\\n)*)]").matcher(dockerfile);
        if (!m.find()) {
            throw new AssertionError(DOCKERFILE + " has no ENTRYPOINT [...] (exec form)");
        }
        List<String> words = new ArrayList<>();
        Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(m.group(1));
        while (word.find()) {
            words.add(word.group(1).replace(IMAGE_DIR, dir + "/"));
        }
        int jar = words.indexOf("-jar");
        if (words.isEmpty() || !words.get(0).equals("java") || jar < 0) {
            throw new AssertionError(DOCKERFILE + "'s ENTRYPOINT is not \"java\", flags..., \"-jar\", jar: " + words);
        }
        return List.copyOf(words.subList(1, jar));
    }

    static Map<String, String> runtimeEnvironment(String dockerfile) {
        String runtimeStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        Map<String, String> env = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^ENV\\s+([A-Za-z_][A-Za-z0-9_]*)=(\\S+)").matcher(runtimeStage);
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        return env;
    }

    private static void run(Path dir, Map<String, String> env, Path log, Duration timeout, String... javaArgs)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(javaArgs));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end within " + timeout + "; its output:\n"
                    + tail(log));
        }
        if (p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + p.exitValue() + "; its output:\n"
                    + tail(log));
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
