/**
 * Operations: health (liveness, readiness with the database, each bot's API and the inbox backlog), the
 * operational gauges that are not on the update path, and retention (purging what the runtime no longer
 * needs, so the database does not grow without bound). Settings: {@code hamyar.health.*} and
 * {@code hamyar.retention.*}; the operator's view of it all is in {@code deploy/README.md}.
 */
package ir.hamyar.bot.ops;
