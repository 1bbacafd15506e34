/**
 * Training: courses with sessions, enrolment with capacity, a waitlist and offers, reminders, attendance,
 * completion by an attendance rule, and verifiable certificates. {@link ir.hamyar.domain.training.Training} is the
 * façade; it answers with result codes and views and publishes events for the bot to notify members.
 */
package ir.hamyar.domain.training;
