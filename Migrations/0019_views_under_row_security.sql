-- The read views run with the privileges of whoever reads them (PostgreSQL 15's
-- security_invoker), so row-level security on entries, shares and comments applies to a read
-- through a view exactly as to a read of the table: a query of the runtime role that forgot
-- its owner or share filter still sees only the acting user's rows. Owned by `stepwork`, they
-- used to read the tables as their owner, whom row-level security does not restrict.
ALTER VIEW stepwork.entry_rows SET (security_invoker = true);
ALTER VIEW stepwork.comment_rows SET (security_invoker = true);
ALTER VIEW stepwork.review_rows SET (security_invoker = true);
ALTER VIEW stepwork.sponsorship_rows SET (security_invoker = true);
