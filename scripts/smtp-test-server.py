"""A small SMTP server for Switchboard's tests, on aiosmtpd. Started by scripts/test-smtp (and by tests that
need to stop and restart a server of their own); not meant for anything else.

    smtp-test-server.py --port PORT --mailbox DIR [--tls-port PORT --cert FILE --key FILE] [--user U --password P]
                        [--delay SECONDS]

- Every accepted message is stored as one file, exactly the bytes received (CR LF line ends, dots
  un-stuffed by aiosmtpd), in DIR/<envelope sender>/<sequence>.eml, so a test reads what it sent under
  its own sender address; <sequence> is zero-padded and grows in the order messages were accepted.
  A file is written under a temporary name and renamed, so a reader never sees half a message.
- Failures on demand, so that tests see what a real relay answers:
  - a recipient whose local part starts with `reject-permanent` gets 550 (mailbox unavailable);
  - a recipient whose local part starts with `reject-temporary` gets 451 (try again later);
  - a sender whose folder holds a file named `.broken` gets 451 at MAIL FROM (a relay in trouble).
- With --user and --password, AUTH (PLAIN and LOGIN, allowed without TLS) is required before MAIL;
  a wrong password gets 535.
- With --cert and --key the port offers STARTTLS, and --tls-port serves implicit TLS (smtps).
- With --delay every DATA waits that long before it is accepted (a slow relay, so that a test can stop
  a sender in the middle of a batch).
- Prints "ready" on standard output once every port listens.
"""

import argparse
import asyncio
import itertools
import os
import ssl
import sys
import threading
import warnings

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class MailboxHandler:
    def __init__(self, mailbox, delay=0.0):
        self.mailbox = mailbox
        self.delay = delay
        self.sequence = itertools.count(1)
        self.lock = threading.Lock()

    def folder(self, sender):
        # An address never contains "/" in these tests; replace it anyway so no message escapes DIR.
        name = (sender or "empty-sender").replace("/", "_")
        return os.path.join(self.mailbox, name)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if os.path.exists(os.path.join(self.folder(address), ".broken")):
            return "451 4.3.0 Mail system temporarily unavailable"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject-permanent"):
            return "550 5.1.1 Mailbox unavailable"
        if local.startswith("reject-temporary"):
            return "451 4.2.1 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        folder = self.folder(envelope.mail_from)
        os.makedirs(folder, exist_ok=True)
        with self.lock:
            number = next(self.sequence)
        final = os.path.join(folder, "%09d.eml" % number)
        temporary = final + ".part"
        with open(temporary, "wb") as file:
            file.write(envelope.original_content)
        os.rename(temporary, final)
        return "250 OK: queued as %d" % number


class Authenticator:
    def __init__(self, user, password):
        self.user = user.encode()
        self.password = password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        if auth_data.login == self.user and auth_data.password == self.password:
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--mailbox", required=True)
    parser.add_argument("--tls-port", type=int)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    # AUTH without TLS is what the plain test port is for; aiosmtpd warns about it on every start.
    warnings.filterwarnings("ignore", message="Requiring AUTH while not requiring TLS")

    os.makedirs(args.mailbox, exist_ok=True)
    handler = MailboxHandler(args.mailbox, args.delay)
    options = dict(hostname="127.0.0.1", data_size_limit=50 * 1024 * 1024)
    smtp_options = dict(decode_data=False, ident="switchboard-test-smtp")
    if args.user:
        smtp_options.update(
            authenticator=Authenticator(args.user, args.password or ""), auth_required=True, auth_require_tls=False
        )

    tls = None
    if args.cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(args.cert, args.key)

    controllers = [
        Controller(handler, port=args.port, tls_context=tls, require_starttls=False, **smtp_options, **options)
    ]
    if args.tls_port and tls:
        controllers.append(
            Controller(handler, port=args.tls_port, ssl_context=tls, **smtp_options, **options)
        )
    for controller in controllers:
        controller.start()
    print("ready", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        for controller in controllers:
            controller.stop()


if __name__ == "__main__":
    sys.exit(main())
