-- Emails are sent at most once, whatever fails: an attempt is recorded (sending_since) and committed
-- before the SMTP server is asked, and cleared again when the server refused the message. An attempt
-- still recorded when the next one starts was cut off (the node died) after the server may have
-- accepted it: that message is not sent again by itself; it is reported (uncertain_since) and sent
-- again only when an admin retries the step.
alter table notification add column sending_since timestamp with time zone;
alter table notification add column uncertain_since timestamp with time zone;

-- Nodes that start at the same moment set up users, groups, authorizations and demo data one after
-- the other: each setup step locks this row first.
create table startup_lock (
    name varchar(40) primary key
);
insert into startup_lock (name) values ('setup');
