-- A connected tenant's users: the directory entry keeps the user's object id in the tenant (how Graph names
-- them, stable across renames) and user principal name; directory users that were there before are matched
-- by their email address. A read's next starting point (Graph's deltaLink) survives restarts.
alter table directory_user add tenant_user_id varchar(36);
create unique index directory_user_tenant_idx on directory_user (tenant_user_id);
alter table directory_user add user_principal_name varchar(320);

create table tenant_read_state (
    name      varchar(40)   primary key,
    link      varchar(4000) not null,
    saved_at  timestamp with time zone not null
);
