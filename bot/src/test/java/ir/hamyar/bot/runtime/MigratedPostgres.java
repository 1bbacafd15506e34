package ir.hamyar.bot.runtime;

import com.zaxxer.hikari.HikariDataSource;
import ir.hamyar.testing.TestPostgres;
import org.flywaydb.core.Flyway;

/** A throwaway PostgreSQL database with the application's migrations applied, for the runtime's store tests. */
public final class MigratedPostgres {

    private MigratedPostgres() {
    }

    /** A pool on a new database named after {@code name}, migrated as the application migrates PostgreSQL. */
    public static HikariDataSource newDataSource(String name) {
        TestPostgres.Database db = TestPostgres.newDatabase(name);
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(db.url());
        dataSource.setUsername(db.username());
        dataSource.setPassword(db.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load().migrate();
        return dataSource;
    }
}
