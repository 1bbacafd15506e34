package ir.hamyar.bot.runtime;

/**
 * Figures about the update-processing runtime, for health checks and metrics. Each call may ask the database:
 * callers cache the answers.
 */
public interface RuntimeStatus {

    /** The update workers and the inbox sweep are running (false before start, after stop, or if the sweep died). */
    boolean workersAlive();

    /** Updates stored but not yet applied, across all instances (one count query). */
    long inboxBacklog();
}
