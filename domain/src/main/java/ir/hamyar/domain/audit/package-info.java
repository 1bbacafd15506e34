/**
 * The audit trail: an append-only record of decisions (who, when, what, on which subject and office, why).
 * {@link ir.hamyar.domain.audit.AuditTrail} is the façade; nothing updates or deletes an entry.
 */
package ir.hamyar.domain.audit;
