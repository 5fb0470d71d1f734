"""Schemathesis hooks of scripts/contract.sh, loaded through SCHEMATHESIS_HOOKS in its last phase.

The operations that can end the caller's session (logout, ending a session, changing the
password) run with a session of their own for every request: the same user logs in afresh
(no caching), so no request finds its token ended by the one before. The tool's own
authentication checks (no token, a wrong one) still send what they mean to.
"""

import json
import os
import urllib.request

import schemathesis


@schemathesis.auth(refresh_interval=None, retry_on=[])
class FreshSession:
    def get(self, case, context):
        request = urllib.request.Request(
            os.environ["CONTRACT_BASE_URL"] + "/v1/auth/login",
            data=json.dumps(
                {"email": os.environ["CONTRACT_EMAIL"], "password": os.environ["CONTRACT_PASSWORD"]}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)["token"]

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}
