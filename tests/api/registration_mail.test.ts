// The confirmation mail of a pre-registration given an e-mail address: sent by the
// background job to a real SMTP server (Debian's aiosmtpd), once, saying what happens
// next; a mail server that is down is tried again later, one that refuses for good is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckinServer, startSmtpSink, submitRegistration, type SmtpSink, type TestApi, type TestServer } from '../support';

let server: TestServer;
let sink: SmtpSink;
let admin: TestApi;
let orgId: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  server = await startCheckinServer({ env: { TADAIMA_SMTP_URL: sink.url, TADAIMA_MAIL_FROM: 'info@tadaima.example.jp' } });
  admin = await server.login();
  orgId = (await admin.organization()).id;
}, 120_000);
afterAll(async () => {
  await server?.close();
  await sink?.stop();
});

describe('the confirmation mail', () => {
  it('tells the family what happens next, once', async () => {
    const { id, input } = await submitRegistration(server, orgId);
    await server.advanceClock(1000); // the job runs after each move of the test clock
    const [mail] = await sink.waitFor((m) => m.some((x) => x.toAddress === input.email), 20_000, 'the confirmation mail');
    const mine = sink.to(input.email!);
    expect(mine).toHaveLength(1);
    expect(mail.subject).toContain('事前登録を受け付けました');
    expect(mail.fromAddress).toBe('info@tadaima.example.jp');
    const body = mine[0].body;
    expect(body).toContain(`${input.family_name} 様`);
    expect(body).toContain(`受付番号: ${id.slice(-8)}`);
    expect(body).toContain('登録案内状');
    expect(body).toContain('こどもルームごとに利用登録');
    // Later runs send nothing more.
    await server.advanceClock(120_000);
    await server.advanceClock(3_600_000);
    expect(sink.to(input.email!)).toHaveLength(1);
  });

  it('sends nothing without an address', async () => {
    const before = sink.messages().length;
    await submitRegistration(server, orgId, { email: undefined });
    await server.advanceClock(1000);
    // A second registration with an address: once its mail is here, the first run is over too.
    const { input } = await submitRegistration(server, orgId);
    await server.advanceClock(1000);
    await sink.waitFor((m) => m.some((x) => x.toAddress === input.email), 20_000, 'the second mail');
    expect(sink.messages().length - before).toBe(1);
  });

  it('tries again while the mail server answers 451, and gives up on 550', async () => {
    await sink.reply(451);
    const { input } = await submitRegistration(server, orgId);
    await server.advanceClock(1000);
    await sink.waitFor(() => sink.all().some((x) => x.toAddress === input.email), 20_000, 'the first try');
    expect(sink.to(input.email!)).toHaveLength(0);
    await sink.reply(250);
    await server.advanceClock(61_000); // the retry is due a minute later
    await sink.waitFor(() => sink.to(input.email!).length === 1, 20_000, 'the retry');

    await sink.reply(550);
    const refused = (await submitRegistration(server, orgId)).input;
    await server.advanceClock(1000);
    await sink.waitFor(() => sink.all().some((x) => x.toAddress === refused.email), 20_000, 'the refused mail');
    await sink.reply(250);
    for (const ms of [61_000, 3_600_000]) await server.advanceClock(ms);
    const tries = sink.all().filter((x) => x.toAddress === refused.email);
    expect(tries).toHaveLength(1);
    expect(tries[0].accepted).toBe(false);
  });
});
