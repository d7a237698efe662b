-- Searching users by part of a name or an email address ("ilike '%text%'") reads every user unless a
-- trigram index answers it. pg_trgm ships with PostgreSQL and is a trusted extension (13 and later):
-- the database's owner may create it. Where the application's database user may not, LicenseFlow
-- starts all the same and searches without the index (slower on large tenants); the README says how
-- an administrator adds it later. Without the pending list (fastupdate off) a directory loaded in bulk is
-- searched from the index at once, not after the next vacuum; the directory changes far less than it is read.
do $$
declare
    trgm_schema text;
begin
    begin
        create extension if not exists pg_trgm schema public;
    exception when insufficient_privilege or undefined_file then
        raise notice 'pg_trgm is not available: user searches run without a trigram index';
    end;
    select extnamespace::regnamespace::text into trgm_schema from pg_extension where extname = 'pg_trgm';
    if trgm_schema is not null then
        execute format('create index directory_user_name_trgm_idx on directory_user using gin (display_name %I.gin_trgm_ops) with (fastupdate = off)', trgm_schema);
        execute format('create index directory_user_email_trgm_idx on directory_user using gin (email %I.gin_trgm_ops) with (fastupdate = off)', trgm_schema);
    end if;
end
$$;
