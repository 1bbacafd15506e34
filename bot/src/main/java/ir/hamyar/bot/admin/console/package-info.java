/**
 * The network admins' and managers' tools in the chat: {@code /roles} (grant and revoke admin and reviewer
 * roles), {@code /suspend} and {@code /reinstate}, and {@code /audit} (the audit trail, paged and filtered). Every
 * step and every button asks {@link ir.hamyar.bot.admin.Access} again.
 */
package ir.hamyar.bot.admin.console;
