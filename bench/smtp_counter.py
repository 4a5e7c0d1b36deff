"""The notification benchmark's mail server: a real SMTP server (Debian's python3-aiosmtpd)
on 127.0.0.1 that accepts every message and only notes it. bench/notify starts it.

    /usr/bin/python3 bench/smtp_counter.py LOG [PORT] [DELAY_MS]

Prints {"port": N} on stdout once listening (PORT 0 or absent: a free port).
DELAY_MS (default 0) holds the answers to MAIL, RCPT and DATA that long each, as a mail
server across a network would take (each command waits one round trip).
For each message it appends "message-id<TAB>recipients<TAB>arrival ms (Unix)" to LOG
(the Message-ID without its angle brackets; "-" when the message has none). On SIGTERM
it flushes LOG, writes its counters to LOG.json and exits.
"""

import asyncio
import json
import logging
import re
import signal
import socket
import sys
import time

from aiosmtpd.smtp import SMTP

MESSAGE_ID = re.compile(rb"^Message-ID:[ \t]*<([^>\r\n]+)>", re.IGNORECASE | re.MULTILINE)


class Counter:
    def __init__(self, log, delay_s):
        self.log = log
        self.delay_s = delay_s
        self.stats = {
            "messages": 0,
            "without_message_id": 0,
            "first_arrival_ms": None,
            "last_arrival_ms": None,
        }

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        now = int(time.time() * 1000)
        content = envelope.original_content or b""
        head = content.split(b"\r\n\r\n", 1)[0]
        m = MESSAGE_ID.search(head)
        s = self.stats
        s["messages"] += 1
        if s["first_arrival_ms"] is None:
            s["first_arrival_ms"] = now
        s["last_arrival_ms"] = now
        if m:
            mid = m.group(1).decode("ascii", "replace")
        else:
            mid = "-"
            s["without_message_id"] += 1
        self.log.write(f"{mid}\t{','.join(envelope.rcpt_tos)}\t{now}\n")
        return "250 2.0.0 OK: queued"


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: /usr/bin/python3 bench/smtp_counter.py LOG [PORT] [DELAY_MS]")
    log_path = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    delay_ms = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    log = open(log_path, "w", buffering=1 << 20)
    counter = Counter(log, delay_ms / 1000)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    server = loop.run_until_complete(
        loop.create_server(lambda: SMTP(counter, hostname="bench.smtp", enable_SMTPUTF8=True), sock=sock)
    )
    print(json.dumps({"port": sock.getsockname()[1]}), flush=True)

    def stop():
        server.close()
        log.close()
        with open(log_path + ".json", "w") as f:
            json.dump(counter.stats, f)
        loop.stop()

    loop.add_signal_handler(signal.SIGTERM, stop)
    loop.add_signal_handler(signal.SIGINT, stop)
    loop.run_forever()


if __name__ == "__main__":
    main()
