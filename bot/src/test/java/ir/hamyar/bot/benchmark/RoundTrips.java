package ir.hamyar.bot.benchmark;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the application's database round trips: every statement (a JDBC batch counts once: PgJDBC sends it in
 * one go), every commit and every rollback, through a proxy around the application's DataSource and connections.
 * A plain class given to the application as an extra source; the benchmark, in another JVM, reads the total from
 * the application's Prometheus endpoint ({@value #METER}).
 * Not counted: the pool's own liveness checks.
 */
public class RoundTrips {

    static final LongAdder STATEMENTS = new LongAdder();
    static final LongAdder COMMITS = new LongAdder();
    static final LongAdder ROLLBACKS = new LongAdder();

    static final String METER = "hamyar.benchmark.db.round_trips";

    static long total() {
        return STATEMENTS.sum() + COMMITS.sum() + ROLLBACKS.sum();
    }

    @Bean
    static io.micrometer.core.instrument.binder.MeterBinder roundTripMeter() {
        return registry -> io.micrometer.core.instrument.FunctionCounter
                .builder(METER, STATEMENTS, s -> total()).register(registry);
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !Proxy.isProxyClass(bean.getClass())) {
                    return proxy(DataSource.class, ds, (target, method, args) -> {
                        Object result = invoke(target, method, args);
                        return result instanceof Connection c ? proxy(Connection.class, c, RoundTrips::onConnection)
                                : result;
                    });
                }
                return bean;
            }
        };
    }

    private static Object onConnection(Object target, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        switch (name) {
            case "commit" -> COMMITS.increment();
            case "rollback" -> ROLLBACKS.increment();
            // JdbcTemplate and Hibernate prepare a statement for each execution (PgJDBC caches the server-side
            // statement), so a statement made is a statement executed; counting here rather than through a proxy
            // around every statement keeps the counter from costing the application several per cent of its CPU
            // (a reflective call for every parameter set).
            case "prepareStatement", "prepareCall", "createStatement" -> STATEMENTS.increment();
            default -> {
            }
        }
        return invoke(target, method, args);
    }

    interface Handler {
        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        InvocationHandler h = (p, m, a) -> handler.handle(target, m, a);
        return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
