-- Low-seat alerts: per product, the free seats (or share of all seats) below which billing admins are
-- emailed, once per crossing: "below" is set when an alert went out and cleared when the product has
-- enough free seats again, which arms the next alert.
create table product_seat_alert (
    product_id        varchar(64) primary key references product (id),
    min_free_seats    integer check (min_free_seats is null or min_free_seats between 1 and 100000),
    min_free_percent  integer check (min_free_percent is null or min_free_percent between 1 and 99),
    below             boolean default false not null,
    crossed_at        timestamp with time zone,
    -- The "Watch seats" instance that found the crossing and sends its alert.
    alerted_by        varchar(64),
    check ((min_free_seats is null) <> (min_free_percent is null))
);
