/**
 * Broadcasts (issue 8): the admins' {@code /broadcast} flow, the set-based expansion of a broadcast into
 * outbox rows, the scheduled start and progress jobs, cancelling, and the members' {@code /settings}.
 */
package ir.hamyar.bot.flow.broadcast;
