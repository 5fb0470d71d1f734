-- Live event streams (`GET /v1/events`) end with their session, in whichever server process
-- they are open: a deleted session row (logout, a session revoked, a password changed, the
-- account deleted, a lockdown of the other sessions) is announced on `stepwork_session_ended`
-- with the session's id, delivered when the deleting transaction commits.
CREATE FUNCTION stepwork.announce_session_end() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('stepwork_session_ended', OLD.id::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER sessions_announce_end AFTER DELETE ON stepwork.sessions
    FOR EACH ROW EXECUTE FUNCTION stepwork.announce_session_end();
