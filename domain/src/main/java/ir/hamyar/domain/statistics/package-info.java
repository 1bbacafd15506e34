/**
 * Statistics and data exports: read-only figures and rows over the other modules' tables, each limited to a
 * {@link ir.hamyar.domain.statistics.StatsScope}. {@link ir.hamyar.domain.statistics.Statistics} answers the
 * figures, {@link ir.hamyar.domain.statistics.DataExports} the export rows. Plain SQL that runs on PostgreSQL and on
 * H2 in PostgreSQL mode alike; medians are computed here in Java (H2 has no {@code percentile_cont}).
 */
package ir.hamyar.domain.statistics;
