"""The SMTP sink the tests deliver to: aiosmtpd's Maildir handler, which answers every message
with the SMTP reply written in the file `refuse` beside the maildir instead (while there is
one), appending each such reply to `refused.log` there. The tests use it to play a mail server
that refuses for good (5xx) or asks to try later (4xx).

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c smtp_sink.Sink DIR/mail   (PYTHONPATH=scripts)
"""

import os

from aiosmtpd.handlers import Mailbox


class Sink(Mailbox):
    async def handle_DATA(self, server, session, envelope):
        base = os.path.dirname(os.path.abspath(self.mail_dir))
        control = os.path.join(base, "refuse")
        if os.path.exists(control):
            with open(control) as f:
                reply = f.read().strip()
            with open(os.path.join(base, "refused.log"), "a") as log:
                log.write(reply + "\n")
            return reply
        return await super().handle_DATA(server, session, envelope)
