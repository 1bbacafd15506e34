package ir.hamyar.bot;

import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.Registration;
import ir.hamyar.domain.membership.RegistrationResult;
import ir.hamyar.domain.offices.NewOffice;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.NationalCode;
import ir.hamyar.domain.shared.PhoneNumber;
import ir.hamyar.domain.shared.Platform;
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
import java.time.Instant;
import java.util.Set;

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

            // Writes through the pool, on connections other than the migration's, into tables with CHECK constraints.
            Regions regions = app.getBean(Regions.class);
            County county = regions.counties(regions.provinces().get(0).id()).get(0);
            RegistrationResult registered = app.getBean(Membership.class).register(new Registration(Platform.TELEGRAM,
                    4242L, 4242L, "Maryam Ahmadi", PhoneNumber.parse("09121234567").orElseThrow(), true,
                    new NationalCode("0012345679"), 1370, "BACHELOR", "engineering", county.provinceId(), county.id(),
                    Set.of("social"), "2026-01", Instant.now(), "fa", null));
            assertThat(registered).isInstanceOf(RegistrationResult.Registered.class);
            OfficeView office = app.getBean(Offices.class).create(NewOffice.county(county.provinceId(), county.id(),
                    "Hamyar " + county.id()));
            assertThat(office.id()).isPositive();

            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        }
    }
}
