"""A real SMTP server for the tests (Debian's python3-aiosmtpd), on 127.0.0.1:PORT.

Run with Debian's interpreter: /usr/bin/python3 smtp_sink.py PORT

stdout, one JSON object a line:
  {"ready": PORT}                                   once listening
  {"mail_from", "rcpt_tos", "data" (base64 of the raw message), "reply", "peer"}
                                                    for each DATA, written and flushed
                                                    BEFORE the reply goes to the client
stdin, one command a line (the tests program the answers):
  reply 250            accept every message (the default)
  reply 451            answer DATA with 451 (temporary failure)
  reply 550            answer DATA with 550 (permanent failure)
SIGTERM stops the server at once.
"""

import asyncio
import base64
import json
import signal
import sys

from aiosmtpd.smtp import SMTP

REPLIES = {
    "250": "250 2.0.0 OK: queued",
    "451": "451 4.3.0 Temporary failure, try again later",
    "550": "550 5.1.1 Mailbox unavailable",
}


class Sink:
    def __init__(self):
        self.reply = REPLIES["250"]

    async def handle_DATA(self, server, session, envelope):
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "data": base64.b64encode(envelope.original_content or b"").decode("ascii"),
            "reply": self.reply,
            "peer": list(session.peer) if session.peer else None,
        }
        sys.stdout.write(json.dumps(record) + "\n")
        sys.stdout.flush()
        return self.reply


async def read_commands(sink, loop):
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        line = await reader.readline()
        if not line:
            return
        parts = line.decode("utf-8").split()
        if len(parts) == 2 and parts[0] == "reply" and parts[1] in REPLIES:
            sink.reply = REPLIES[parts[1]]
            sys.stdout.write(json.dumps({"ack": parts[1]}) + "\n")
            sys.stdout.flush()
        elif parts:
            sys.stderr.write(f"smtp_sink: unknown command {line!r}\n")


async def main(port):
    loop = asyncio.get_running_loop()
    sink = Sink()
    server = await loop.create_server(
        lambda: SMTP(sink, hostname="sink.tadaima.test", ident="Tadaima test sink"),
        host="127.0.0.1",
        port=port,
        reuse_address=True,
    )
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    commands = asyncio.ensure_future(read_commands(sink, loop))
    sys.stdout.write(json.dumps({"ready": server.sockets[0].getsockname()[1]}) + "\n")
    sys.stdout.flush()
    await stop.wait()
    commands.cancel()
    server.close()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1])))
