-- Who approves a license request is decided by the approval policy (processes/license-approval-policy.dmn)
-- when the request is registered: its stages in order, each with the approvers it waits for now.
-- The directory knows each person's manager and department, which the policy and the manager
-- stages read.
alter table directory_user add column manager_id varchar(64) references directory_user (id);
alter table directory_user add column department varchar(100);

alter table license_request add column approval_policy varchar(400);

create table license_request_stage (
    request_id     varchar(36)  not null references license_request (id) on delete cascade,
    position       integer      not null,
    -- MANAGER: the requester's manager (up the chain past anyone the request names); else admin roles,
    -- their names separated by commas (GLOBAL_ADMIN,LICENSE_ADMIN).
    approver       varchar(200) not null,
    timeout        varchar(40)  not null,
    -- Whom the stage waits for now (set when the stage starts; after an escalation, the fallback):
    -- one person, or the groups of admin roles.
    waiting_for_user  varchar(64)  references directory_user (id),
    waiting_for_role  varchar(200),
    escalations    integer      default 0 not null,
    outcome        varchar(10)  default 'WAITING' not null
        check (outcome in ('WAITING', 'APPROVED', 'DENIED', 'SKIPPED')),
    decided_by     varchar(64),
    decided_at     timestamp with time zone,
    primary key (request_id, position),
    check (waiting_for_user is null or waiting_for_role is null)
);
