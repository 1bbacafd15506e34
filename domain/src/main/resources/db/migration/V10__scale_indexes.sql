-- Indexes the data-at-scale benchmark (1,000,000 members, 200,000 reports) showed missing: without them these
-- /stats queries read a whole big table. PostgreSQL and H2 alike.

-- Member counts of /stats (by province, by county; network, a province or a county): counted from this index
-- alone (index-only scan) instead of reading every member row.
CREATE INDEX ix_member_status_region ON member (status, province_id, county_id);

-- First-response figures: a report's earliest response, and whether it has one at all (reports still awaiting),
-- looked up per report in the index instead of hashing the whole history.
CREATE INDEX ix_report_history_response ON report_history (report_id, action, id);

-- First-response figures of a scope: the history rows of its offices instead of a scan of the whole history.
CREATE INDEX ix_report_history_office ON report_history (office_id);
