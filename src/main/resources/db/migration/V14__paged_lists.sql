-- Every list the console and the API page through is read in its order and filtered by an index.
create index directory_user_name_idx on directory_user (display_name, id);
create index directory_user_type_idx on directory_user (user_type);
create index directory_user_location_idx on directory_user (usage_location);
create index assignment_active_product_idx on license_assignment (active_product_id);
create index audit_product_idx on audit_log (product_id);
create index audit_actor_idx on audit_log (actor);
create index audit_action_idx on audit_log (action);
