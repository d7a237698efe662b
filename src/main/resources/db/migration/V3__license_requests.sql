-- License requests (R1-R11). A request lives in the Requests list while pending and for the
-- tenant's retention period after completion (R3); the audit trail keeps what it changed for ever.

create table license_request (
    id                   varchar(36)   primary key,
    product_id           varchar(64)   not null references product (id),
    requester_id         varchar(64)   not null references directory_user (id),
    justification        varchar(2000),
    requested_at         timestamp with time zone not null,
    status               varchar(20)   not null
        check (status in ('PENDING', 'APPROVED', 'PARTLY_APPROVED', 'DENIED', 'EXPIRED')),
    process_instance_id  varchar(64),
    decided_by           varchar(64),
    decided_at           timestamp with time zone,
    -- R7: the product licenses were assigned from, when another product served the request.
    assigned_product_id  varchar(64)   references product (id),
    disabled_plans       varchar(2000),
    decision_message     varchar(2000),
    completed_at         timestamp with time zone,
    check ((status = 'PENDING' and completed_at is null) or (status <> 'PENDING' and completed_at is not null))
);
create index license_request_status_idx on license_request (status, completed_at);
create index license_request_requester_idx on license_request (requester_id);
create index license_request_process_idx on license_request (process_instance_id);

create table license_request_user (
    request_id  varchar(36) not null references license_request (id) on delete cascade,
    user_id     varchar(64) not null references directory_user (id),
    position    integer     not null,
    outcome     varchar(10) not null check (outcome in ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED')),
    primary key (request_id, user_id)
);
create index license_request_user_idx on license_request_user (user_id, outcome);
