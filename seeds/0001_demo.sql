-- Demo data for `make run`: a sponsee (Sam) and a sponsor (Alex) in an active sponsorship,
-- entries of every kind, an inventory shared read-only, and one entry that stays private.
-- Sam's Step 8 list has six people across the Step 9 statuses; two amends are shared with Alex
-- for comment: the one to Dan (a thread, and Alex's go-ahead, stale since Sam changed the plan)
-- and the one to Mrs. Okafor (a review Alex has not answered yet).
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
    ('5a0c7b7e-0000-4000-8000-000000000107', '5a0c7b7e-0000-4000-8000-000000000001', 'amend',
     'Amend to Mrs. Okafor', 'The rent I still owe from the apartment on Elm Street.', 9,
     '{"person": "Mrs. Okafor", "relationship": "former landlord", "harm": "Left owing two months of rent and never answered her letters.", "plan": "Write to her, say plainly that I owe it, and start paying it back.", "restitution": "Two months of rent, $1,400, paid back at $100 a month.", "method": "letter", "status": "ready", "riskToOthers": "none"}',
     now() - interval '6 days', now() - interval '1 day'),
    ('5a0c7b7e-0000-4000-8000-000000000108', '5a0c7b7e-0000-4000-8000-000000000001', 'amend',
     'Jordan', 'On the list. Not ready to go near this one yet.', 8,
     '{"person": "Jordan", "relationship": "ex-partner", "harm": "Said cruel things when I was drinking, and blamed Jordan for my drinking.", "status": "not_yet_willing"}',
     now() - interval '12 days', now() - interval '12 days'),
    ('5a0c7b7e-0000-4000-8000-000000000109', '5a0c7b7e-0000-4000-8000-000000000001', 'amend',
     'Amend to Mr. Reyes', 'Went to see him at the warehouse.', 9,
     '{"person": "Mr. Reyes", "relationship": "former manager", "harm": "Came in hungover, covered missed shifts with lies, took supplies home.", "plan": "Ask for ten minutes, say what I did, offer to pay for the supplies.", "restitution": "$120 for the supplies.", "method": "in_person", "status": "made", "riskToOthers": "none", "madeOn": "2026-10-14", "outcome": "He listened, said he had wondered. I paid the $120 on the spot. We shook hands.", "response": "accepted"}',
     now() - interval '40 days', now() - interval '30 days'),
    ('5a0c7b7e-0000-4000-8000-000000000110', '5a0c7b7e-0000-4000-8000-000000000001', 'amend',
     'Rachel', 'Talked it through with Alex: this one is a living amend.', 9,
     '{"person": "Rachel", "relationship": "friend from my old job", "harm": "Pursued her while she was married, and it caused trouble at home for her.", "plan": "No contact. Be honest and faithful in my own relationships.", "method": "living", "status": "not_advisable", "riskToOthers": "likely", "riskNotes": "She has rebuilt her marriage. Contacting her would reopen it and could hurt her and her family."}',
     now() - interval '20 days', now() - interval '15 days'),
    ('5a0c7b7e-0000-4000-8000-000000000111', '5a0c7b7e-0000-4000-8000-000000000001', 'amend',
     'Amend to Aunt Carol', 'Waiting until she is home and well.', 9,
     '{"person": "Aunt Carol", "relationship": "aunt", "harm": "Borrowed money for rent, spent it on drinking, then avoided her calls.", "plan": "Visit, tell her the truth about the money, and set up repayments.", "restitution": "$600.", "method": "in_person", "status": "deferred", "riskToOthers": "none", "riskNotes": "She is in hospital right now; a visit about money would only add to her worries."}'::jsonb
       || jsonb_build_object('revisitOn', to_char(now() AT TIME ZONE 'UTC' + interval '45 days', 'YYYY-MM-DD')),
     now() - interval '10 days', now() - interval '10 days'),
    ('5a0c7b7e-0000-4000-8000-000000000105', '5a0c7b7e-0000-4000-8000-000000000001', 'meeting',
     'Tuesday Big Book study', 'Read pages 58-60. Shared about the amend.', NULL,
     '{"date": "2026-11-17", "name": "Tuesday Night Big Book Study"}',
     now() - interval '8 days', now() - interval '8 days'),
    ('5a0c7b7e-0000-4000-8000-000000000106', '5a0c7b7e-0000-4000-8000-000000000001', 'journal',
     'Not ready to share this yet', 'Private: only Sam sees this entry.', NULL, '{}',
     now() - interval '1 day', now() - interval '1 day')
ON CONFLICT DO NOTHING;

-- Dan's amend, at version 2: Sam changed the plan after Alex's go-ahead (see the reviews below).
INSERT INTO stepwork.entries (id, owner_id, kind, title, body, step, fields, version, created_at, updated_at) VALUES
    ('5a0c7b7e-0000-4000-8000-000000000104', '5a0c7b7e-0000-4000-8000-000000000001', 'amend',
     'Amend to my brother', 'I want to talk to Dan after the holidays, not by text.', 9,
     '{"person": "Dan", "relationship": "brother", "harm": "Missed his wedding and lied about why.", "plan": "Meet for coffee after the holidays, when it is just the two of us. Own it, ask how it affected him, no excuses.", "method": "in_person", "status": "planned", "riskToOthers": "none", "riskNotes": "His wife already knows about the lie; this stays about what I did."}',
     2, now() - interval '5 days', now() - interval '2 days')
ON CONFLICT DO NOTHING;

INSERT INTO stepwork.shares (entry_id, sponsorship_id, owner_id, access, granted_at) VALUES
    ('5a0c7b7e-0000-4000-8000-000000000104', '5a0c7b7e-0000-4000-8000-000000000010',
     '5a0c7b7e-0000-4000-8000-000000000001', 'comment', now() - interval '4 days'),
    ('5a0c7b7e-0000-4000-8000-000000000103', '5a0c7b7e-0000-4000-8000-000000000010',
     '5a0c7b7e-0000-4000-8000-000000000001', 'read', now() - interval '6 days'),
    ('5a0c7b7e-0000-4000-8000-000000000107', '5a0c7b7e-0000-4000-8000-000000000010',
     '5a0c7b7e-0000-4000-8000-000000000001', 'comment', now() - interval '1 day')
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

-- Alex's go-ahead speaks of version 1 of Dan's amend, edited since: the verdict shows as stale.
-- The review of Mrs. Okafor's amend waits for Alex.
INSERT INTO stepwork.reviews (id, entry_id, sponsorship_id, owner_id, requested_at, requested_on_version,
                              verdict, note, decided_at, decided_on_version) VALUES
    ('5a0c7b7e-0000-4000-8000-000000000301', '5a0c7b7e-0000-4000-8000-000000000104',
     '5a0c7b7e-0000-4000-8000-000000000010', '5a0c7b7e-0000-4000-8000-000000000001',
     now() - interval '3 days', 1, 'go_ahead', 'Go ahead. Keep it about your part, and call me afterwards.',
     now() - interval '2 days 12 hours', 1),
    ('5a0c7b7e-0000-4000-8000-000000000302', '5a0c7b7e-0000-4000-8000-000000000107',
     '5a0c7b7e-0000-4000-8000-000000000010', '5a0c7b7e-0000-4000-8000-000000000001',
     now() - interval '1 day', 1, NULL, NULL, NULL, NULL)
ON CONFLICT DO NOTHING;
