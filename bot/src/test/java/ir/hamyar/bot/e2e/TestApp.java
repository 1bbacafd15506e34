package ir.hamyar.bot.e2e;

import ir.hamyar.bot.HamyarApplication;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.testing.TestPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real application, started for an end-to-end test against a fake Bot API and a database of the test's
 * own. Can be stopped and started again on the same database (a restart) within one test.
 */
public final class TestApp implements AutoCloseable {

    public static final String TELEGRAM_TOKEN = "111:telegram-test";
    public static final String BALE_TOKEN = "222:bale-test";

    private final ConfigurableApplicationContext context;

    private TestApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static Builder on(TestPostgres.Database db, FakeBotApi api) {
        return new Builder(db, api);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    String lifecycles() {
        StringBuilder b = new StringBuilder();
        context.getBeansOfType(org.springframework.context.SmartLifecycle.class)
                .forEach((n, l) -> b.append(n).append('=').append(l.isRunning()).append(' '));
        return b.toString();
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }

    public static final class Builder {
        private final Map<String, Object> props = new HashMap<>();
        private final List<Class<?>> sources = new ArrayList<>(List.of(HamyarApplication.class));

        Builder(TestPostgres.Database db, FakeBotApi api) {
            props.put("spring.datasource.url", db.url());
            props.put("spring.datasource.username", db.username());
            props.put("spring.datasource.password", db.password());
            props.put("server.port", "0");
            props.put("hamyar.telegram.token", TELEGRAM_TOKEN);
            props.put("hamyar.telegram.api-url", api.baseUrl());
            props.put("hamyar.poll-timeout", "2s");
            props.put("hamyar.runtime.sweep-interval", "100ms");
        }

        public Builder withBale(FakeBotApi api) {
            props.put("hamyar.bale.token", BALE_TOKEN);
            props.put("hamyar.bale.api-url", api.baseUrl());
            return this;
        }

        public Builder property(String key, Object value) {
            props.put(key, value);
            return this;
        }

        /** Extra bean sources: plain classes with @Bean methods (no stereotype, so scans never pick them up). */
        public Builder with(Class<?>... extra) {
            sources.addAll(List.of(extra));
            return this;
        }

        public TestApp start() {
            // As command-line arguments: they must win over application.yml (default properties would not).
            String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            ConfigurableApplicationContext ctx = new SpringApplicationBuilder(sources.toArray(Class[]::new))
                    .main(HamyarApplication.class)
                    .run(args);
            return new TestApp(ctx);
        }
    }
}
