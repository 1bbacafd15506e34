package ir.hamyar.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The real PostgreSQL every database test runs against, found or started once per JVM.
 *
 * <p>Order of preference (DESIGN §5): {@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USERNAME} /
 * {@code TEST_DATABASE_PASSWORD}); Testcontainers when a Docker engine answers; a throwaway server started
 * from the machine's PostgreSQL binaries on a free port. When none is possible the test fails with a message
 * saying how to get PostgreSQL: a database test never skips.
 *
 * <p>Each caller of {@link #newDatabase(String)} gets a database of its own, so tests (and application
 * restarts inside one test) never see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Server server;

    private TestPostgres() {
    }

    /** Connection data of a fresh, empty database. */
    public record Database(String url, String username, String password) {
    }

    public static synchronized Database newDatabase(String prefix) {
        Server s = server();
        String name = (prefix.replaceAll("[^a-zA-Z0-9]", "_") + "_" + ProcessHandle.current().pid() + "_"
                + DATABASES.incrementAndGet()).toLowerCase();
        try (Connection c = DriverManager.getConnection(s.adminUrl(), s.username(), s.password());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + ": " + e.getMessage(), e);
        }
        return new Database(s.urlFor(name), s.username(), s.password());
    }

    private static synchronized Server server() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    private static Server start() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return Server.external(url, env("TEST_DATABASE_USERNAME", "postgres"), env("TEST_DATABASE_PASSWORD", ""));
        }
        if (dockerLooksAvailable()) {
            Server viaDocker = ContainerPostgres.tryStart();
            if (viaDocker != null) {
                return viaDocker;
            }
        }
        Path bin = findPostgresBinaries();
        if (bin != null) {
            return LocalPostgres.start(bin);
        }
        throw new IllegalStateException("""
                The tests need a real PostgreSQL and none could be found or started.
                Any one of these works:
                  * set TEST_DATABASE_URL (and TEST_DATABASE_USERNAME / TEST_DATABASE_PASSWORD) to a server you run;
                  * start a Docker engine (Testcontainers is used then);
                  * install PostgreSQL's server binaries, e.g. on Debian: apt-get install postgresql
                    (the tests start a throwaway server from /usr/lib/postgresql/<version>/bin).""");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private static boolean dockerLooksAvailable() {
        // Probing Docker through Testcontainers takes seconds when no engine is there: look first.
        return System.getenv("DOCKER_HOST") != null || Files.exists(Paths.get("/var/run/docker.sock"));
    }

    static Path findPostgresBinaries() {
        Path root = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Path newest = versions
                        .filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                        .max(Comparator.comparing(p -> versionOf(p.getFileName().toString())))
                        .orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            } catch (IOException ignored) {
                // fall through to PATH
            }
        }
        for (String dir : env("PATH", "").split(":")) {
            Path p = Paths.get(dir);
            if (Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl"))) {
                return p;
            }
        }
        return null;
    }

    private static int versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A running server: where to reach it as an administrator. */
    record Server(String host, int port, String username, String password, String externalUrl) {

        static Server external(String url, String username, String password) {
            return new Server(null, 0, username, password, url);
        }

        String adminUrl() {
            return externalUrl != null ? externalUrl : "jdbc:postgresql://" + host + ":" + port + "/postgres";
        }

        String urlFor(String database) {
            if (externalUrl != null) {
                int q = externalUrl.indexOf('?');
                String base = q < 0 ? externalUrl : externalUrl.substring(0, q);
                String params = q < 0 ? "" : externalUrl.substring(q);
                return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
            }
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    /** A throwaway cluster from the machine's binaries; as root it runs as the postgres OS user. */
    static final class LocalPostgres {

        static Server start(Path bin) {
            try {
                Path dir = Files.createTempDirectory("hamyar-pg-");
                Path data = dir.resolve("data");
                boolean root = "root".equals(System.getProperty("user.name"));
                if (root) {
                    run(List.of("chown", "-R", "postgres:", dir.toString()));
                }
                int port = freePort();
                run(asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(),
                        "-U", "hamyar", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")));
                String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                        + " -c max_connections=300 -c shared_buffers=256MB";
                run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                        "-o", options, "-l", dir.resolve("server.log").toString(), "-w", "-t", "60", "start")));
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                                "-m", "immediate", "-w", "stop")));
                        run(List.of("rm", "-rf", dir.toString()));
                    } catch (RuntimeException ignored) {
                        // the JVM is going away; nothing more to do
                    }
                }, "stop-test-postgres"));
                return new Server("127.0.0.1", port, "hamyar", "", null);
            } catch (IOException e) {
                throw new IllegalStateException("Could not start a throwaway PostgreSQL from " + bin, e);
            }
        }

        private static List<String> asServerUser(boolean root, List<String> command) {
            if (!root) {
                return command;
            }
            List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
            wrapped.addAll(command);
            return wrapped;
        }

        private static void run(List<String> command) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("Command failed: " + String.join(" ", command) + "\n" + output);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Command failed: " + String.join(" ", command), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A PostgreSQL cluster of the caller's own, started from the machine's binaries, that the caller may stop and
     * start again (a database restart under load). It needs the server binaries even where the shared server
     * comes from {@code TEST_DATABASE_URL} or Testcontainers, and fails with a message saying so when they are
     * missing: a test that needs it never skips.
     *
     * @param extraServerOptions further {@code postgres} options, e.g. {@code "-c", "fsync=on"} (later ones win)
     */
    public static DedicatedCluster startDedicatedLocal(String... extraServerOptions) {
        Path bin = findPostgresBinaries();
        if (bin == null) {
            throw new IllegalStateException("""
                    This test stops and starts a PostgreSQL server of its own, so it needs PostgreSQL's server
                    binaries on this machine (e.g. on Debian: apt-get install postgresql), whatever TEST_DATABASE_URL
                    or Docker provide for the other tests.""");
        }
        return DedicatedCluster.start(bin, List.of(extraServerOptions));
    }

    /** A throwaway cluster owned by one test: {@link #stop()} and {@link #start()} at will, {@link #close()} at the end. */
    public static final class DedicatedCluster implements AutoCloseable {

        private final Path bin;
        private final Path dir;
        private final Path data;
        private final boolean root;
        private final int port;
        private final String options;
        private final AtomicInteger databases = new AtomicInteger();
        private final Thread cleanup;

        private DedicatedCluster(Path bin, Path dir, boolean root, int port, String options) {
            this.bin = bin;
            this.dir = dir;
            this.data = dir.resolve("data");
            this.root = root;
            this.port = port;
            this.options = options;
            this.cleanup = new Thread(this::destroy, "stop-dedicated-postgres");
        }

        static DedicatedCluster start(Path bin, List<String> extra) {
            try {
                Path dir = Files.createTempDirectory("hamyar-pg-dedicated-");
                boolean root = "root".equals(System.getProperty("user.name"));
                if (root) {
                    LocalPostgres.run(List.of("chown", "-R", "postgres:", dir.toString()));
                }
                int port = freePort();
                String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1"
                        + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
                        + " -c max_connections=200 -c shared_buffers=256MB"
                        + (extra.isEmpty() ? "" : " " + String.join(" ", extra));
                DedicatedCluster cluster = new DedicatedCluster(bin, dir, root, port, options);
                LocalPostgres.run(LocalPostgres.asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D",
                        cluster.data.toString(), "-U", "hamyar", "--auth=trust", "-E", "UTF8", "--locale=C",
                        "--no-sync")));
                Runtime.getRuntime().addShutdownHook(cluster.cleanup);
                cluster.start();
                return cluster;
            } catch (IOException e) {
                throw new IllegalStateException("Could not start a dedicated PostgreSQL from " + bin, e);
            }
        }

        /** A fresh, empty database on this cluster. */
        public Database newDatabase(String prefix) {
            String name = (prefix.replaceAll("[^a-zA-Z0-9]", "_") + "_" + databases.incrementAndGet()).toLowerCase();
            try (Connection c = DriverManager.getConnection(url("postgres"), "hamyar", "");
                 Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not create database " + name + ": " + e.getMessage(), e);
            }
            return new Database(url(name), "hamyar", "");
        }

        public int port() {
            return port;
        }

        /** Starts the server (again) on the same port and data; returns once it accepts connections. */
        public void start() {
            LocalPostgres.run(LocalPostgres.asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D",
                    data.toString(), "-o", options, "-l", dir.resolve("server.log").toString(), "-w", "-t", "60",
                    "start")));
        }

        /** {@code pg_ctl stop -m fast}: open sessions are ended, transactions in progress roll back. */
        public void stop() {
            LocalPostgres.run(LocalPostgres.asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D",
                    data.toString(), "-m", "fast", "-w", "-t", "60", "stop")));
        }

        @Override
        public void close() {
            destroy();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }

        private void destroy() {
            try {
                LocalPostgres.run(LocalPostgres.asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D",
                        data.toString(), "-m", "immediate", "-w", "stop")));
            } catch (RuntimeException alreadyStopped) {
                // stopped by the test, or never started
            }
            try {
                LocalPostgres.run(List.of("rm", "-rf", dir.toString()));
            } catch (RuntimeException ignored) {
                // a leftover temp directory is harmless
            }
        }

        private String url(String database) {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        }
    }

    /** Testcontainers, used only where a Docker engine answers. */
    static final class ContainerPostgres {

        static Server tryStart() {
            try {
                if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                    return null;
                }
                var container = new org.testcontainers.postgresql.PostgreSQLContainer("postgres:16-alpine");
                container.start();
                return Server.external(container.getJdbcUrl(), container.getUsername(), container.getPassword());
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
