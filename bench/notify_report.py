"""Helpers of bench/notify: read the database and the server's /metrics, and report.

Run with Debian's interpreter (its sqlite3 module); PostgreSQL is read through psql.

  notify_report.py pending DB                      pending notifications, and families of messages
                                                   whose notifications are not written yet (a number)
  notify_report.py last-created DB                 the newest notification's created_at (ms, 0 if none)
  notify_report.py wait-drain DB TIMEOUT_S         waits until no notification is pending;
                                                   exit 1 when TIMEOUT_S passes first
  notify_report.py snapshot URL OUT NAME=PID...    /metrics and the CPU time of each process
  notify_report.py report [options]                the figures and the checks (see --help)
  notify_report.py admin-login DB                  the seeded organization administrator's login
  notify_report.py message-report [options]        --message: the send and its delivery (see --help)

DB is sqlite:PATH or postgresql://…
"""

import argparse
import collections
import json
import re
import subprocess
import sys
import time
import urllib.request


def query(db, sql):
    """Rows of `sql` as lists of strings (None for NULL)."""
    if db.startswith("sqlite:"):
        import sqlite3

        con = sqlite3.connect(db[len("sqlite:"):], timeout=60)
        try:
            return [[None if v is None else str(v) for v in row] for row in con.execute(sql)]
        finally:
            con.close()
    out = subprocess.run(
        ["psql", db, "-qAt", "-v", "ON_ERROR_STOP=1", "-F", "\t", "-P", "null=\\N", "-c", sql],
        check=True, capture_output=True, text=True,
    ).stdout
    return [[None if v == "\\N" else v for v in line.split("\t")] for line in out.splitlines() if line]


def pending(db):
    """Notifications pending, and those of messages still to be written (their families' receipts)."""
    return int(query(db, "SELECT (SELECT count(*) FROM notifications WHERE status = 'pending')"
                         " + (SELECT count(*) FROM message_recipients WHERE notified = 0)")[0][0])


def stat_fields(pid):
    with open(f"/proc/{pid}/stat") as f:
        # After the command's ")": fields[0] is field 3 of proc_pid_stat(5) (state), fields[1]
        # the parent, fields[11]/[12] utime/stime, fields[13]/[14] the waited-for children's.
        return f.read().rsplit(")", 1)[1].split()


def cpu_seconds(pid):
    """CPU seconds of PID; "tree:PID": of PID, its descendants and its ended children."""
    if not pid.startswith("tree:"):
        fields = stat_fields(pid)
        return (int(fields[11]) + int(fields[12])) / 100.0
    root = pid[len("tree:"):]
    parent = {}
    import os

    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent[entry] = stat_fields(entry)[1]
            except OSError:
                pass
    total = 0
    for p in parent:
        q = p
        while q in parent and q != root and q != "0":
            q = parent[q]
        if q == root:
            try:
                f = stat_fields(p)
                total += int(f[11]) + int(f[12]) + (int(f[13]) + int(f[14]) if p == root else 0)
            except OSError:
                pass
    return total / 100.0


def snapshot(url, out, procs):
    text = urllib.request.urlopen(url + "/metrics", timeout=60).read().decode()
    cpu = {}
    for item in procs:
        name, pid = item.split("=", 1)
        try:
            cpu[name] = cpu_seconds(pid)
        except OSError:
            cpu[name] = None
    with open("/proc/stat") as f:
        # cpu user nice system idle iowait irq softirq steal ... (in ticks of 1/100 s)
        ticks = [int(v) for v in f.readline().split()[1:]]
    machine = {"busy": (sum(ticks[:8]) - ticks[3] - ticks[4]) / 100.0, "all": sum(ticks[:8]) / 100.0}
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    with open(out, "w") as f:
        json.dump({"at": time.time(), "metrics": text, "cpu": cpu, "machine": machine, "loadavg": load}, f)


METRIC = re.compile(r"^([a-z_]+)(?:\{([^}]*)\})? ([0-9.eE+-]+|NaN|[+-]Inf)$")


def parse_metrics(text):
    out = {}
    for line in text.splitlines():
        m = METRIC.match(line)
        if m:
            out[(m.group(1), m.group(2) or "")] = float(m.group(3))
    return out


def percentile(sorted_values, p):
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))]


def check_receivers(a, by_channel, failures):
    """Every delivered row arrived exactly once, at its address or device (a.smtp_log,
    a.push_log); appends what is wrong to `failures`; returns the e-mail and push lines and
    the push receiver's statistics."""
    email_rows = {r[0]: r for r in by_channel["email"] if r[2] == "delivered"}
    mail_seen = collections.Counter()
    mail_wrong_rcpt = 0
    with open(a.smtp_log) as f:
        for line in f:
            mid, rcpts, _at = line.rstrip("\n").split("\t")
            nid = mid.split("@", 1)[0]
            mail_seen[nid] += 1
            row = email_rows.get(nid)
            if row and rcpts != row[3]:
                mail_wrong_rcpt += 1
    push_rows = {r[0]: r for r in by_channel["push"] if r[2] == "delivered"}
    push_seen = collections.Counter()
    push_rejected = 0
    push_wrong_device = 0
    with open(a.push_log) as f:
        for line in f:
            topic, device, _at, status = line.rstrip("\n").split("\t")
            if status != "201":
                push_rejected += 1
                continue
            push_seen[topic] += 1
            row = push_rows.get(topic)
            if row and not (row[7] or "").endswith("/" + device):
                push_wrong_device += 1

    def cross(name, rows_by_id, seen):
        missing = sum(1 for i in rows_by_id if seen[i] == 0)
        dup = sum(1 for i, n in seen.items() if n > 1 and i in rows_by_id)
        stray = sum(n for i, n in seen.items() if i not in rows_by_id)
        unique = sum(1 for i in seen if i in rows_by_id)
        if missing:
            failures.append(f"{name}: {missing} delivered notifications never arrived")
        if dup:
            failures.append(f"{name}: {dup} notifications arrived more than once")
        if stray:
            failures.append(f"{name}: {stray} arrivals match no delivered notification")
        return f"{sum(seen.values())} arrived, {unique} unique of {len(rows_by_id)} delivered rows, {dup} duplicated, {missing} missing, {stray} stray"

    mail_line = cross("e-mail", email_rows, mail_seen)
    push_line = cross("push", push_rows, push_seen)
    if mail_wrong_rcpt:
        failures.append(f"e-mail: {mail_wrong_rcpt} messages went to another address than their row's")
    if push_wrong_device:
        failures.append(f"push: {push_wrong_device} pushes went to another device than their row's subscription")
    if push_rejected:
        failures.append(f"push: the receiver refused {push_rejected} pushes")
    push_stats = json.load(open(a.push_log + ".json"))
    smtp_stats = json.load(open(a.smtp_log + ".json"))
    if push_stats["decrypt_failures"] or push_stats["decrypted"] == 0:
        failures.append(f"push: {push_stats['decrypted']} samples decrypted, {push_stats['decrypt_failures']} failed ({push_stats['first_decrypt_failure']})")
    if smtp_stats["without_message_id"]:
        failures.append(f"e-mail: {smtp_stats['without_message_id']} messages without a Message-ID")
    return mail_line, push_line, push_stats


def report(a):
    failures = []
    load = json.load(open(a.load))
    warm = json.load(open(a.warmup)) if a.warmup else None
    snaps = [json.load(open(p)) for p in a.snapshots.split(",")]

    rows = query(
        a.db,
        "SELECT n.id, n.channel, n.status, n.target, n.created_at, n.delivered_at, n.attempts, s.endpoint"
        " FROM notifications n LEFT JOIN push_subscriptions s ON n.channel = 'push' AND s.id = n.target",
    )
    stamp_events = int(query(
        a.db,
        "SELECT (SELECT count(*) FROM visits)"
        " + (SELECT count(*) FROM visits WHERE out_at IS NOT NULL AND auto_closed = 0)",
    )[0][0])
    stamps_answered = load["recorded_stamps"] + (warm["recorded_stamps"] if warm else 0)

    channels = ("push", "email", "inapp")
    by_channel = collections.defaultdict(list)
    status_count = collections.Counter()
    for r in rows:
        by_channel[r[1]].append(r)
        status_count[(r[1], r[2])] += 1

    # --- every stamp made its notifications, every notification was delivered
    if stamp_events != stamps_answered:
        failures.append(f"{stamp_events} stamps in the database, {stamps_answered} answered as recorded")
    for ch in channels:
        want = a.guardians * stamp_events
        if len(by_channel[ch]) != want:
            failures.append(f"{ch}: {len(by_channel[ch])} notifications made, want {want} ({a.guardians} guardians x {stamp_events} stamps)")
        not_delivered = {s: n for (c, s), n in status_count.items() if c == ch and s != "delivered"}
        if not_delivered:
            failures.append(f"{ch}: not delivered {not_delivered}")

    mail_line, push_line, push_stats = check_receivers(a, by_channel, failures)
    bad_answers = {k: v for k, v in load["counts"].items() if not re.match(r"^status_20[01]_(arrived|departed)$", k)}
    if bad_answers:
        failures.append(f"stamps: answers other than arrived/departed: {bad_answers} ({load['first_error']})")

    # --- figures of the measured run (notifications made after --since)
    run = [r for r in rows if int(r[4]) > a.since and r[5] is not None]
    t0 = min(int(r[4]) for r in run)
    t1 = max(int(r[4]) for r in run)
    t_end = max(int(r[5]) for r in run)
    p = print
    p(f"stamps: {load['requests']} asked at {load['rate_asked']:.0f}/s for {load['duration_s']:.0f} s"
      f" over {load['connections']} keep-alive connections: issued at {load['sent_per_s']:.0f}/s,"
      f" answered at {load['answered_per_s']:.0f}/s ({load['recorded_stamps']} recorded;"
      f" up to {load.get('max_waiting_for_a_connection', 0)} waited for a free connection);"
      f" answer latency from the due time p50 {load['latency_ms']['p50']:.1f} ms, p99 {load['latency_ms']['p99']:.1f} ms,"
      f" max {load['latency_ms']['max']:.1f} ms; scheduler lag max {load['max_scheduler_lag_ms']:.1f} ms")
    p(f"notifications of the run: made over {(t1 - t0) / 1000:.1f} s, last delivered {(t_end - t1) / 1000:.1f} s after the last was made")
    fan = []
    for ch in channels:
        rs = [r for r in run if r[1] == ch]
        if not rs:
            continue
        lat = sorted(int(r[5]) - int(r[4]) for r in rs)
        during = sum(1 for r in rs if int(r[5]) <= t1)
        last = max(int(r[5]) for r in rs)
        retried = sum(1 for r in rs if int(r[6]) > 1)
        made = len([r for r in rows if int(r[4]) > a.since and r[1] == ch])
        fan.append((ch, during, last))
        p(f"  {ch:5}: {made} made, {len(rs)} delivered ({retried} after a retry);"
          f" {during / max(0.001, (t1 - t0) / 1000):.0f}/s while the load ran,"
          f" {len(rs) / max(0.001, (last - t0) / 1000):.0f}/s until drained ({(last - t1) / 1000:.1f} s after the load);"
          f" commit-to-delivery p50 {percentile(lat, 50) / 1000:.3f} s, p99 {percentile(lat, 99) / 1000:.3f} s, max {lat[-1] / 1000:.3f} s")
    ext = [r for r in run if r[1] in ("push", "email")]
    during = sum(1 for r in ext if int(r[5]) <= t1)
    p(f"  push + e-mail: {len(ext)} deliveries, {during / max(0.001, (t1 - t0) / 1000):.0f}/s while the load ran,"
      f" {len(ext) / max(0.001, (t_end - t0) / 1000):.0f}/s until the backlog drained")

    # Timeline in 5 s steps: made and delivered per channel.
    step = 5000
    made_b = collections.Counter()
    done_b = collections.Counter()
    for r in rows:
        if int(r[4]) > a.since:
            made_b[(int(r[4]) - t0) // step] += 1
            if r[5] is not None and r[1] != "inapp":
                done_b[((int(r[5]) - t0) // step, r[1])] += 1
    last_b = (t_end - t0) // step
    p("  timeline (per second, in 5 s steps from the first notification): made (all channels) / push delivered / e-mail delivered")
    p("    " + "  ".join(f"{b * 5}s:{made_b[b] // 5}/{done_b[(b, 'push')] // 5}/{done_b[(b, 'email')] // 5}" for b in range(last_b + 1)))

    p(f"receivers (warm-up and run): e-mail {mail_line}; push {push_line}; push payloads decrypted {push_stats['decrypted']}"
      f" (the first and every {a.sample}th), VAPID tokens verified {push_stats['vapid_tokens_verified']}")

    # --- where the time goes
    names = ["load", "drain"]
    for i in range(len(snaps) - 1):
        s0, s1 = snaps[i], snaps[i + 1]
        wall = s1["at"] - s0["at"]
        cpu = []
        for k in s1["cpu"]:
            if s0["cpu"].get(k) is not None and s1["cpu"].get(k) is not None:
                cpu.append(f"{k} {(s1['cpu'][k] - s0['cpu'][k]) / wall:.2f}")
        if i == 0:
            cpu.append(f"load generator {load['cpu_seconds'] / wall:.2f}")
        busy = s1["machine"]["busy"] - s0["machine"]["busy"]
        cpu.append(f"whole machine {busy / wall:.2f} of {(s1['machine']['all'] - s0['machine']['all']) / wall:.0f}"
                   f" (load average {s0['loadavg']} at the start, {s1['loadavg']} at the end)")
        m0, m1 = parse_metrics(s0["metrics"]), parse_metrics(s1["metrics"])
        q = []
        for (name, labels), v in m1.items():
            if name == "tadaima_db_query_duration_seconds_sum":
                d = v - m0.get((name, labels), 0.0)
                n = m1.get(("tadaima_db_query_duration_seconds_count", labels), 0) - m0.get(("tadaima_db_query_duration_seconds_count", labels), 0)
                if n > 0:
                    label = re.sub(r'^\w+="([^"]*)"$', r"\1", labels)
                    q.append((d, n, label))
        q.sort(reverse=True)
        total = sum(d for d, _, _ in q)
        p(f"{names[i] if i < len(names) else i} phase ({wall:.1f} s): cores used: {', '.join(cpu)}")
        p(f"  database time {total:.1f} s ({total / wall:.2f} per second), by query (total s, calls, mean ms):")
        for d, n, label in q[:12]:
            p(f"    {label:44} {d:7.2f} s {int(n):8d}  {d / n * 1000:7.3f}")
    if a.reproduce:
        p(f"reproduce: {a.reproduce}")
    for f in failures:
        p(f"FAIL: {f}")
    if not failures:
        p("check: ok — every stamp made a notification per guardian and channel; every one was delivered, "
          "and arrived exactly once (unique Message-IDs and push Topics)")
    return 1 if failures else 0


def message_report(a):
    """bench/notify --message: one message to every family, then its delivery."""
    failures = []
    send = json.load(open(a.send))
    snaps = [json.load(open(p)) for p in a.snapshots.split(",")]
    if send["status"] != 201:
        failures.append(f"POST /messages answered {send['status']}: {send.get('error')}")
    mid = send.get("message_id") or ""
    rows = query(
        a.db,
        "SELECT n.id, n.channel, n.status, n.target, n.created_at, n.delivered_at, n.attempts, s.endpoint"
        " FROM notifications n LEFT JOIN push_subscriptions s ON n.channel = 'push' AND s.id = n.target"
        f" WHERE n.event_key = 'message:{mid}'",
    )
    families = int(query(a.db, f"SELECT count(*) FROM message_recipients WHERE message_id = '{mid}'")[0][0])
    by_channel = collections.defaultdict(list)
    for r in rows:
        by_channel[r[1]].append(r)
    for ch in ("push", "email", "inapp"):
        want = a.guardians * families
        if len(by_channel[ch]) != want:
            failures.append(f"{ch}: {len(by_channel[ch])} notifications made, want {want} ({a.guardians} guardians x {families} families)")
        not_delivered = collections.Counter(r[2] for r in by_channel[ch] if r[2] != "delivered")
        if not_delivered:
            failures.append(f"{ch}: not delivered {dict(not_delivered)}")
    if families != send.get("families"):
        failures.append(f"{families} receipts, the answer said {send.get('families')} families")
    mail_line, push_line, push_stats = check_receivers(a, by_channel, failures)

    p = print
    p(f"POST /api/v1/messages to every family: answered {send['status']} in {send['ms']:.0f} ms"
      f" ({send.get('families')} families, {send.get('guardians')} guardians; {len(rows)} notification rows made)")
    if rows:
        made = min(int(r[4]) for r in rows)
        for ch in ("push", "email"):
            done = sorted(int(r[5]) - made for r in by_channel[ch] if r[5] is not None)
            if done:
                p(f"  {ch:5}: {len(done)} delivered; the last {done[-1] / 1000:.1f} s after the commit"
                  f" (p50 {percentile(done, 50) / 1000:.1f} s, p99 {percentile(done, 99) / 1000:.1f} s);"
                  f" {len(done) / max(0.001, done[-1] / 1000):.0f}/s")
    p(f"receivers: e-mail {mail_line}; push {push_line}; push payloads decrypted {push_stats['decrypted']}"
      f" (the first and every {a.sample}th)")
    for i, name in enumerate(["send", "delivery"]):
        s0, s1 = snaps[i], snaps[i + 1]
        wall = s1["at"] - s0["at"]
        cpu = [f"{k} {(s1['cpu'][k] - s0['cpu'][k]) / wall:.2f}" for k in s1["cpu"]
               if s0["cpu"].get(k) is not None and s1["cpu"].get(k) is not None]
        p(f"{name} phase ({wall:.1f} s): cores used: {', '.join(cpu)}")
    if a.reproduce:
        p(f"reproduce: {a.reproduce}")
    for f in failures:
        p(f"FAIL: {f}")
    if not failures:
        p("check: ok — one notification per guardian and channel, every one delivered and arrived exactly once")
    return 1 if failures else 0


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, rest = sys.argv[1], sys.argv[2:]
    if cmd == "pending":
        print(pending(rest[0]))
    elif cmd == "last-created":
        print(query(rest[0], "SELECT coalesce(max(created_at), 0) FROM notifications")[0][0])
    elif cmd == "wait-drain":
        db, timeout = rest[0], float(rest[1])
        deadline = time.time() + timeout
        last_print = 0.0
        while True:
            n = pending(db)
            if n == 0:
                return 0
            if time.time() > deadline:
                print(f"notify_report: {n} notifications still pending after {timeout:.0f} s", file=sys.stderr)
                return 1
            if time.time() - last_print >= 5:
                print(f"  {n} notifications pending", flush=True)
                last_print = time.time()
            time.sleep(0.25)
    elif cmd == "admin-login":
        print(query(rest[0], "SELECT login FROM users WHERE role = 'org_admin' ORDER BY created_at LIMIT 1")[0][0])
    elif cmd == "message-report":
        ap = argparse.ArgumentParser(prog="notify_report.py message-report")
        ap.add_argument("--db", required=True)
        ap.add_argument("--send", required=True, help="message_send.mjs result")
        ap.add_argument("--guardians", type=int, required=True)
        ap.add_argument("--smtp-log", required=True)
        ap.add_argument("--push-log", required=True)
        ap.add_argument("--sample", type=int, default=100)
        ap.add_argument("--snapshots", required=True, help="snapshot files, comma-separated: before, answered, drained")
        ap.add_argument("--reproduce")
        return message_report(ap.parse_args(rest))
    elif cmd == "snapshot":
        snapshot(rest[0], rest[1], rest[2:])
    elif cmd == "report":
        ap = argparse.ArgumentParser(prog="notify_report.py report")
        ap.add_argument("--db", required=True)
        ap.add_argument("--load", required=True, help="stamp_load.mjs result of the measured run")
        ap.add_argument("--warmup", help="stamp_load.mjs result of the warm-up")
        ap.add_argument("--since", type=int, required=True, help="created_at (ms) before the measured run")
        ap.add_argument("--guardians", type=int, required=True)
        ap.add_argument("--smtp-log", required=True)
        ap.add_argument("--push-log", required=True)
        ap.add_argument("--sample", type=int, default=100)
        ap.add_argument("--snapshots", required=True, help="snapshot files, comma-separated: before, load end, drained")
        ap.add_argument("--reproduce")
        return report(ap.parse_args(rest))
    else:
        sys.exit(__doc__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
