/**
 * Roles given in the bot: admins grant and revoke {@link ir.hamyar.domain.access.Role#ADMIN} and
 * {@link ir.hamyar.domain.access.Role#REVIEWER} to messenger accounts. {@link ir.hamyar.domain.access.Roles} is the
 * façade; every grant and revocation is written to the audit trail in the same transaction. Deciding what an
 * account may do (roles + appointments + member status) is the application's single authorisation check.
 */
package ir.hamyar.domain.access;
