-- A course's offering office (null: a national course) must be an existing office.
ALTER TABLE course ADD CONSTRAINT fk_course_office FOREIGN KEY (offering_office_id) REFERENCES office (id);
