package ir.hamyar.bot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-setup default: no datasource configured → embedded H2 file database, same migrations. */
class H2DefaultSmokeTests {

    @Test
    void startsOnEmbeddedH2AndReportsHealthy(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("hamyar") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (ConfigurableApplicationContext app = SpringApplication.run(HamyarApplication.class,
                "--server.port=0", "--spring.datasource.url=" + url)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT H2VERSION()", String.class)).isNotBlank();
            assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE \"success\"", Integer.class))
                    .isPositive();

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        }
    }
}
