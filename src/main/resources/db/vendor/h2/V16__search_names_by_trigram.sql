-- PostgreSQL answers name and email searches from trigram indexes (db/vendor/postgresql). H2 has no
-- such index; this version keeps the two databases' migration histories in step.
select 1;
