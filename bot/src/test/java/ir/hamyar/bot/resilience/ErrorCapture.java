package ir.hamyar.bot.resilience;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects what the application logs at ERROR (and counts WARN per logger) while attached to the root logger,
 * together with exceptions no thread caught.
 */
final class ErrorCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> warnings = new ConcurrentHashMap<>();
    private final Thread.UncaughtExceptionHandler previous;

    private ErrorCapture() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
    }

    static ErrorCapture attach() {
        ErrorCapture capture = new ErrorCapture();
        capture.setName("resilience-error-capture");
        capture.start();
        root().addAppender(capture);
        Thread.setDefaultUncaughtExceptionHandler((thread, e) ->
                capture.errors.add("uncaught in " + thread.getName() + ": " + e));
        return capture;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
            String cause = event.getThrowableProxy() == null ? "" : " [" + event.getThrowableProxy().getClassName() + "]";
            errors.add(event.getLoggerName() + ": " + event.getFormattedMessage() + cause);
        } else if (event.getLevel() == Level.WARN) {
            warnings.merge(event.getLoggerName(), 1, Integer::sum);
        }
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    Map<String, Integer> warnings() {
        return Map.copyOf(warnings);
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
        Thread.setDefaultUncaughtExceptionHandler(previous);
    }
}
