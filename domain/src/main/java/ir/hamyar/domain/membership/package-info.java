/**
 * Members of the network: registration, one member across Telegram and Bale, referrals, profile edits,
 * terms, suspension, export and erasure. {@link ir.hamyar.domain.membership.Membership} is the façade; it
 * answers with result codes, never sentences, and publishes {@link ir.hamyar.domain.membership.MemberRegistered}
 * and {@link ir.hamyar.domain.membership.MemberErased} for other modules.
 */
package ir.hamyar.domain.membership;
