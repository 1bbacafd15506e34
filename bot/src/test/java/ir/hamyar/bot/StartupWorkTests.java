package ir.hamyar.bot;

import ir.hamyar.domain.regions.Regions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.repository.core.support.RepositoryFactoryBeanSupport;
import org.springframework.modulith.moments.support.Moments;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Work the application leaves out of its start (issue 11): done on first use instead, or not at all. */
class StartupWorkTests {

    @TempDir
    static Path dir;
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        String url = "jdbc:h2:file:" + dir.resolve("hamyar") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        app = SpringApplication.run(HamyarApplication.class, "--server.port=0", "--spring.datasource.url=" + url);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void createsRepositoriesOnFirstUseNotAtStartup() {
        ConfigurableListableBeanFactory beans = app.getBeanFactory();
        List<String> repositories = Arrays.stream(beans.getBeanNamesForType(RepositoryFactoryBeanSupport.class,
                true, false)).map(name -> name.substring(1)).toList();
        assertThat(repositories).contains("regionRows", "members", "memberAccounts");
        assertThat(repositories).allSatisfy(name -> {
            assertThat(beans.getBeanDefinition(name).isLazyInit()).as(name).isTrue();
            assertThat(beans.containsSingleton(name)).as(name + " created at startup").isFalse();
        });

        // first use: the repository behind Regions is created then, and works
        Regions regions = app.getBean(Regions.class);
        assertThat(regions.provinces()).hasSize(31);
        assertThat(beans.containsSingleton("regionRows")).isTrue();
    }

    @Test
    void hasNoHourlyMomentsNobodyListensTo() {
        assertThat(app.getBeanNamesForType(Moments.class)).isEmpty();
    }
}
