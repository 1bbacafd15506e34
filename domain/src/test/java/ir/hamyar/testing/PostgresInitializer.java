package ir.hamyar.testing;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Points a Spring test context at a fresh database on the test PostgreSQL
 * ({@code @ContextConfiguration(initializers = PostgresInitializer.class)}).
 */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPostgres.Database db = TestPostgres.newDatabase("t");
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testPostgres", properties(db)));
    }

    public static Map<String, Object> properties(TestPostgres.Database db) {
        return Map.of(
                "spring.datasource.url", db.url(),
                "spring.datasource.username", db.username(),
                "spring.datasource.password", db.password());
    }
}
