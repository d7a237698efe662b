-- A takeover that moves users to another product waits for Microsoft 365; the users whose move it refused can stay
-- on the self-service subscription, which an admin then keeps (the takeover ends as moved, in part).
alter table subscription_takeover add users_stayed integer default 0 not null check (users_stayed >= 0);
