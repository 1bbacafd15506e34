-- Statistics (issue 9): the registrations-per-week figure scans members by registration time, and the
-- first-response figure reads the reports filed in its window. PostgreSQL and H2 alike.
CREATE INDEX ix_member_created ON member (created_at);
CREATE INDEX ix_problem_report_created ON problem_report (created_at);
