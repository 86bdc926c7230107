"""A real SMTP server on loopback for main's tests: asks for the login in SMTP_USER/SMTP_PASSWORD, appends
each message it receives to the file named first as a JSON line, prints its port, and stops when stdin ends."""

import json
import os
import socket
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD, OUT = os.environ["SMTP_USER"], os.environ["SMTP_PASSWORD"], sys.argv[1]


class Keep:
    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        with open(OUT, "a", encoding="utf-8") as f:
            f.write(json.dumps({"to": envelope.rcpt_tos, "data": envelope.content.decode("utf-8", "replace")}) + "\n")
        return "250 OK"


def login(server, session, envelope, mechanism, data):
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (USER.encode(), PASSWORD.encode())
    return AuthResult(success=ok)


with socket.socket() as probe:
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
controller = Controller(
    Keep(), hostname="127.0.0.1", port=port, authenticator=login, auth_required=True, auth_require_tls=False
)
controller.start()
print(port, flush=True)
sys.stdin.read()
controller.stop()
