-- Renewals and trial ends: one review per subscription term ("Renew a subscription"), opened by
-- "Watch renewals" when the term ends within the first alert offset (120 days by default).
create table subscription_renewal (
    process_instance_id  varchar(64)  primary key,
    subscription_id      bigint       not null references subscription (id),
    -- The end of the term under review; the next term gets a review of its own.
    expires_on           date         not null,
    trial                boolean      not null,
    -- The smallest alert offset (days before the end) already sent; null before the first.
    last_alert_days      integer,
    decision             varchar(10)  check (decision in ('RENEW', 'REDUCE', 'LET_END', 'BUY')),
    seats                integer      check (seats is null or seats between 1 and 100000),
    decided_by           varchar(64),
    decided_at           timestamp with time zone,
    outcome              varchar(10)  check (outcome in ('RENEWED', 'BOUGHT', 'ENDED')),
    -- When the term ended and who ended it (the decider, or the renewal process): the holders told.
    ended_at             timestamp with time zone,
    ended_by             varchar(64),
    constraint one_review_per_term unique (subscription_id, expires_on)
);
