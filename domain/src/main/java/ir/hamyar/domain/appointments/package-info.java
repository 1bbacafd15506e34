/**
 * Appointments (decrees): a member's bounded-term role in an office, the authority it gives (manager powers
 * are read from the database on every check, so a revoked or expired manager loses them at once), the yearly
 * decree numbers, eligibility (active member, completed training through {@link
 * ir.hamyar.domain.appointments.TrainingRecord}, no conflicting role), term expiry and reminders.
 * {@link ir.hamyar.domain.appointments.Appointments} is the façade.
 */
package ir.hamyar.domain.appointments;
