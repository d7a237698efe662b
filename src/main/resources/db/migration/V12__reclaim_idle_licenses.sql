-- Reclaiming idle licenses. The directory knows whether an account is enabled and the last day its
-- user signed in (in the embedded mode fed by the API and the demo data; with a tenant, synced).
alter table directory_user add column account_enabled boolean default true not null;
alter table directory_user add column last_signed_in_on date;
create index directory_user_manager_idx on directory_user (manager_id);
create index assignment_product_idx on license_assignment (product_id, active_product_id);

-- Per product: after how many days without a sign-in a license counts as idle (no row: the default).
create table product_reclaim_rule (
    product_id  varchar(64) primary key references product (id),
    idle_days   integer     not null check (idle_days between 7 and 3650)
);

-- One run of "Reclaim idle licenses" (IDLE) or one campaign of "Recertify licenses" (RECERTIFY):
-- the process instance that gathered the licenses to review.
create table reclaim_run (
    id                varchar(64)    primary key,
    kind              varchar(10)    default 'IDLE' not null check (kind in ('IDLE', 'RECERTIFY')),
    -- Only this product's licenses, when an admin started the run for one product.
    product_id        varchar(64)    references product (id),
    started_by        varchar(64)    not null,
    started_at        timestamp with time zone not null,
    review_until      timestamp with time zone not null,
    when_unanswered   varchar(10)    not null check (when_unanswered in ('RECLAIM', 'KEEP')),
    finished_at       timestamp with time zone,
    seats_freed       integer,
    monthly_saving    numeric(14, 2)
);

-- One license under review in a run (idle, or held: every license a campaign recertifies), and what
-- became of it (KEEP: kept or confirmed; RECLAIM: reclaimed or removed). reviewer_id is the holder's manager (null: the
-- License admins, when there is no manager with an enabled account).
create table reclaim_item (
    run_id             varchar(64)    not null references reclaim_run (id),
    assignment_id      bigint         not null references license_assignment (id),
    user_id            varchar(64)    not null references directory_user (id),
    product_id         varchar(64)    not null references product (id),
    reviewer_id        varchar(64)    references directory_user (id),
    reason             varchar(10)    not null check (reason in ('DISABLED', 'IDLE', 'HELD')),
    last_signed_in_on  date,
    monthly_price      numeric(12, 2) not null,
    decision           varchar(10)    default 'OPEN' not null
        check (decision in ('OPEN', 'KEEP', 'RECLAIM', 'IN_USE')),
    decided_by         varchar(64),
    decided_at         timestamp with time zone,
    -- The default applied at the deadline, nobody having answered.
    defaulted          boolean        default false not null,
    keep_reason        varchar(2000),
    reclaimed          boolean        default false not null,
    primary key (run_id, assignment_id)
);
create index reclaim_item_reviewer_idx on reclaim_item (run_id, reviewer_id);
create index reclaim_item_assignment_idx on reclaim_item (assignment_id, decision);
create index reclaim_item_product_idx on reclaim_item (product_id, reclaimed);
