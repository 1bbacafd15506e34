/**
 * Broadcasting and delivery preferences. {@link ir.hamyar.domain.broadcasting.Broadcasting} keeps
 * announcements (audience, content, schedule, status, counts) and turns an audience into a set-based
 * recipient query; {@link ir.hamyar.domain.broadcasting.DeliveryPreferences} answers whether and when a
 * member may be messaged for a {@link ir.hamyar.domain.broadcasting.DeliveryKind}. Neither sends anything.
 */
package ir.hamyar.domain.broadcasting;
