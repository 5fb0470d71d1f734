-- Demo data for `make run`: a sponsee (Sam) and a sponsor (Alex) in an active sponsorship,
-- entries of every kind, a planned amend shared with comment access and a short thread on it,
-- an inventory shared read-only, and one entry that stays private.
-- Both demo users log in with the password `one day at a time`. Idempotent: fixed ids, no overwrite.

INSERT INTO stepwork.users (id, email, display_name, password_hash, sobriety_date, created_at) VALUES
    ('5a0c7b7e-0000-4000-8000-000000000001', 'sam@example.org', 'Sam',
     '$scrypt$ln=17,r=8,p=1$cYRRe+Asktve/8e1zMncpA$i+jr9qw12iDIra5CoRfYVpgtgt2s/oZ5KHs5kGxIJO4', '2025-03-14', now() - interval '60 days'),
    ('5a0c7b7e-0000-4000-8000-000000000002', 'alex@example.org', 'Alex',
     '$scrypt$ln=17,r=8,p=1$cYRRe+Asktve/8e1zMncpA$i+jr9qw12iDIra5CoRfYVpgtgt2s/oZ5KHs5kGxIJO4', '2011-08-02', now() - interval '60 days')
ON CONFLICT DO NOTHING;

INSERT INTO stepwork.sponsorships (id, sponsor_id, sponsee_id, status, started_at) VALUES
    ('5a0c7b7e-0000-4000-8000-000000000010', '5a0c7b7e-0000-4000-8000-000000000002',
     '5a0c7b7e-0000-4000-8000-000000000001', 'active', now() - interval '59 days')
ON CONFLICT DO NOTHING;

INSERT INTO stepwork.entries (id, owner_id, kind, title, body, step, fields, created_at, updated_at) VALUES
    ('5a0c7b7e-0000-4000-8000-000000000101', '5a0c7b7e-0000-4000-8000-000000000001', 'journal',
     'Day 256', 'Called Alex before the meeting instead of after. Small thing, felt big.', NULL, '{}',
     now() - interval '9 days', now() - interval '9 days'),
    ('5a0c7b7e-0000-4000-8000-000000000102', '5a0c7b7e-0000-4000-8000-000000000001', 'step_work',
     'Step 1: where I was powerless', 'Listing the times I said "just one" and meant it.', 1, '{}',
     now() - interval '8 days', now() - interval '8 days'),
    ('5a0c7b7e-0000-4000-8000-000000000103', '5a0c7b7e-0000-4000-8000-000000000001', 'inventory',
     'Resentments, part one', 'My old boss; my brother; the landlord. What was my part in each?', 4, '{}',
     now() - interval '7 days', now() - interval '6 days'),
    ('5a0c7b7e-0000-4000-8000-000000000104', '5a0c7b7e-0000-4000-8000-000000000001', 'amend',
     'Amend to my brother', 'I want to talk to Dan before the holidays, not by text.', 9,
     '{"person": "Dan (brother)", "harm": "Missed his wedding and lied about why.", "plan": "Meet for coffee, own it, ask how it affected him, no excuses.", "method": "in_person", "status": "planned", "madeOn": null}',
     now() - interval '5 days', now() - interval '2 days'),
    ('5a0c7b7e-0000-4000-8000-000000000105', '5a0c7b7e-0000-4000-8000-000000000001', 'meeting',
     'Tuesday Big Book study', 'Read pages 58-60. Shared about the amend.', NULL,
     '{"date": "2026-11-17", "name": "Tuesday Night Big Book Study"}',
     now() - interval '8 days', now() - interval '8 days'),
    ('5a0c7b7e-0000-4000-8000-000000000106', '5a0c7b7e-0000-4000-8000-000000000001', 'journal',
     'Not ready to share this yet', 'Private: only Sam sees this entry.', NULL, '{}',
     now() - interval '1 day', now() - interval '1 day')
ON CONFLICT DO NOTHING;

INSERT INTO stepwork.shares (entry_id, sponsorship_id, owner_id, access, granted_at) VALUES
    ('5a0c7b7e-0000-4000-8000-000000000104', '5a0c7b7e-0000-4000-8000-000000000010',
     '5a0c7b7e-0000-4000-8000-000000000001', 'comment', now() - interval '4 days'),
    ('5a0c7b7e-0000-4000-8000-000000000103', '5a0c7b7e-0000-4000-8000-000000000010',
     '5a0c7b7e-0000-4000-8000-000000000001', 'read', now() - interval '6 days')
ON CONFLICT DO NOTHING;

INSERT INTO stepwork.comments (id, entry_id, parent_id, author_id, entry_version, body, created_at) VALUES
    ('5a0c7b7e-0000-4000-8000-000000000201', '5a0c7b7e-0000-4000-8000-000000000104', NULL,
     '5a0c7b7e-0000-4000-8000-000000000002', 1,
     'Good plan. Before you go: would telling him about the lie hurt anyone else, like his wife?',
     now() - interval '3 days'),
    ('5a0c7b7e-0000-4000-8000-000000000202', '5a0c7b7e-0000-4000-8000-000000000104',
     '5a0c7b7e-0000-4000-8000-000000000201', '5a0c7b7e-0000-4000-8000-000000000001', 1,
     'No, she knows already. I will keep it about what I did, not about her.',
     now() - interval '2 days')
ON CONFLICT DO NOTHING;
