/**
 * Problem reporting (issue 7): a citizen's report of a local problem, routed to the office of the area, with
 * a status machine (every change a history row), "me too" supports, manager notes, forwarding, escalation up
 * the office hierarchy and a follow-up to the reporter. {@link ir.hamyar.domain.reporting.ProblemReporting} is
 * the façade; it answers with result codes and publishes events ({@link ir.hamyar.domain.reporting.ProblemReported},
 * {@link ir.hamyar.domain.reporting.ReportStatusChanged}, …) the bot turns into messages.
 */
package ir.hamyar.domain.reporting;
