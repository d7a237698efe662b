-- A subscription's holders are listed in the order they got their license: this index reads any page of
-- them without sorting the subscription's licenses first.
create index assignment_subscription_order_idx on license_assignment (subscription_id, id);
