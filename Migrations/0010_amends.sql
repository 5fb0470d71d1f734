-- Step 9 (API.md 1.1): an amend entry carries the whole path from the Step 8 list to what
-- happened after, and the schema now backs every rule of an amend's `fields` that
-- `EntryValidator` checks (one constraint a rule, for kind = 'amend' only).
--
-- Amends written by the previous version keep working: their keys and `method` values are a
-- subset of the new ones. The one rule they could break is new: `madeOn` is set exactly when
-- `status` is `made`. Such rows are repaired first, with a new version (so a client holding the
-- old one re-reads before it writes):
-- - `made` without `madeOn` gets the UTC date of its last update (it was made by then);
-- - `madeOn` on an amend not `made` loses the date (its status, the owner's latest word, stays).

-- `YYYY-MM-DD` naming a real day of the years 1 through 9999 (as the API's dates).
CREATE FUNCTION stepwork.is_calendar_date(value text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
        WHEN value ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' AND substr(value, 1, 4) <> '0000'
        THEN substr(value, 9, 2)::integer <= extract(day FROM
            make_date(substr(value, 1, 4)::integer, substr(value, 6, 2)::integer, 1) + interval '1 month - 1 day')
        ELSE false
    END
$$;

-- A JSON value that is absent, `null`, or a string of at most `max_length` characters.
CREATE FUNCTION stepwork.is_optional_text(value jsonb, max_length integer) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT value IS NULL OR jsonb_typeof(value) = 'null'
        OR (jsonb_typeof(value) = 'string' AND char_length(value #>> '{}') <= max_length)
$$;

-- A JSON value that is absent, `null`, or one of `choices` (as a string).
CREATE FUNCTION stepwork.is_optional_choice(value jsonb, choices text[]) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT value IS NULL OR jsonb_typeof(value) = 'null'
        OR (jsonb_typeof(value) = 'string' AND (value #>> '{}') = ANY (choices))
$$;

-- A JSON value that is absent, `null`, or a date string.
CREATE FUNCTION stepwork.is_optional_date(value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT value IS NULL OR jsonb_typeof(value) = 'null'
        OR (jsonb_typeof(value) = 'string' AND stepwork.is_calendar_date(value #>> '{}'))
$$;

UPDATE stepwork.entries
SET fields = fields || jsonb_build_object('madeOn', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')),
    version = version + 1
WHERE kind = 'amend' AND fields ->> 'status' = 'made' AND fields ->> 'madeOn' IS NULL;

UPDATE stepwork.entries
SET fields = fields || '{"madeOn": null}', version = version + 1
WHERE kind = 'amend' AND fields ->> 'status' IS DISTINCT FROM 'made' AND fields ->> 'madeOn' IS NOT NULL;

ALTER TABLE stepwork.entries
    ADD CONSTRAINT entries_amend_keys_check CHECK (kind <> 'amend' OR fields - ARRAY[
        'person', 'relationship', 'harm', 'plan', 'restitution', 'method', 'status', 'riskToOthers',
        'riskNotes', 'madeOn', 'outcome', 'response', 'revisitOn'] = '{}'::jsonb),
    ADD CONSTRAINT entries_amend_person_check CHECK (kind <> 'amend' OR coalesce(
        jsonb_typeof(fields -> 'person') = 'string' AND char_length(fields ->> 'person') BETWEEN 1 AND 200, false)),
    ADD CONSTRAINT entries_amend_relationship_check CHECK (
        kind <> 'amend' OR stepwork.is_optional_text(fields -> 'relationship', 200)),
    ADD CONSTRAINT entries_amend_texts_check CHECK (kind <> 'amend' OR (
        stepwork.is_optional_text(fields -> 'harm', 10000) AND stepwork.is_optional_text(fields -> 'plan', 10000)
        AND stepwork.is_optional_text(fields -> 'restitution', 10000)
        AND stepwork.is_optional_text(fields -> 'riskNotes', 10000)
        AND stepwork.is_optional_text(fields -> 'outcome', 10000))),
    ADD CONSTRAINT entries_amend_method_check CHECK (kind <> 'amend' OR stepwork.is_optional_choice(
        fields -> 'method',
        ARRAY['in_person', 'phone', 'message', 'letter', 'unsent_letter', 'indirect', 'living'])),
    ADD CONSTRAINT entries_amend_status_check CHECK (kind <> 'amend' OR coalesce(jsonb_typeof(fields -> 'status') = 'string'
        AND (fields ->> 'status') IN ('not_yet_willing', 'planned', 'ready', 'made', 'deferred', 'not_advisable'), false)),
    ADD CONSTRAINT entries_amend_risk_check CHECK (
        kind <> 'amend' OR stepwork.is_optional_choice(fields -> 'riskToOthers', ARRAY['none', 'possible', 'likely'])),
    ADD CONSTRAINT entries_amend_response_check CHECK (kind <> 'amend' OR stepwork.is_optional_choice(
        fields -> 'response', ARRAY['accepted', 'declined', 'no_response', 'not_asked'])),
    ADD CONSTRAINT entries_amend_dates_check CHECK (kind <> 'amend' OR (
        stepwork.is_optional_date(fields -> 'madeOn') AND stepwork.is_optional_date(fields -> 'revisitOn'))),
    -- `madeOn` exactly when the amend is made.
    ADD CONSTRAINT entries_amend_made_on_check CHECK (
        kind <> 'amend' OR ((fields ->> 'status') IS NOT DISTINCT FROM 'made') = (fields ->> 'madeOn' IS NOT NULL));
