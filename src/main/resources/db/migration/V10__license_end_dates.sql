-- Licenses that end: a request may ask for an end date, or the approval policy gives one (guests: 90
-- days); the licenses it grants end on that day unless an extension moves it.
alter table license_request add column ends_on date;
alter table license_assignment add column ends_on date;
create index license_assignment_ends_idx on license_assignment (ends_on);
