/**
 * Offices, founding applications and appointments in the chat: {@code /offices}, {@code /found} and its review
 * (approve, reject, ask for more information), {@code /appoint}, decree renewal and revocation, manager group
 * linking ({@code /linkcode}, {@code /link}, {@code /unlink}), the notifications these domains' events cause,
 * and the daily term and expiry job. Every button is re-authorised against the database when pressed.
 */
package ir.hamyar.bot.flow.offices;
