-- Microsoft Graph names a product by its skuId and a service plan by its servicePlanId (GUIDs); the
-- inventory keeps the part numbers and plan names people and the API use, and these GUIDs beside them.
alter table product add sku_id varchar(36);
create unique index product_sku_idx on product (sku_id);
alter table service_plan add guid varchar(36);
create unique index service_plan_guid_idx on service_plan (guid);

-- Microsoft's "Product names and service plan identifiers for licensing" as last imported: every SKU
-- Microsoft sells, not only the ones the organisation has. Replaced whole by each import.
create table catalog_sku (
    sku_id        varchar(36)  primary key,
    part_number   varchar(200) not null,
    display_name  varchar(300) not null
);
create index catalog_sku_part_idx on catalog_sku (part_number);

create table catalog_sku_plan (
    sku_id        varchar(36)  not null references catalog_sku (sku_id) on delete cascade,
    plan_guid     varchar(36)  not null,
    plan_name     varchar(200) not null,
    display_name  varchar(300) not null,
    primary key (sku_id, plan_guid)
);
