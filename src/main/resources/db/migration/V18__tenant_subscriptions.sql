-- A connected Microsoft 365 tenant's seats of a product (its subscribedSku) are one central subscription,
-- named by the SKU; Microsoft bills and renews it, so LicenseFlow's renewal watch leaves it alone.
alter table subscription add tenant_sku_id varchar(36);
create unique index subscription_tenant_sku_idx on subscription (tenant_sku_id);
