import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, TestServer } from './harness.ts';

// The app shortens a link before it puts it in an SMS (core_repo.dart getShortenedURL): a bare
// {"url": ...} body, no token, and the short URL back as plain text. Whoever receives it opens it.
const DAY = 86_400_000;

describe.each(backends())('the URL shortener (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  const clock = new ManualClock(Date.UTC(2026, 10, 21, 4, 30));
  const shorten = async (body: Record<string, unknown>) => {
    const res = await fetch(`${server.baseUrl}/eus/shortener`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };
  const open = (shortUrl: string) => fetch(shortUrl, { redirect: 'manual' });
  const bill = 'https://mgramseva.example.in/mgramseva/withoutAuth/bill/download?consumerCode=WS/1013/2026-27/000001&tenantId=pb.lodhipur&key=ws-bill';

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers the short URL as plain text, and the link redirects to the long one', async () => {
    const made = await shorten({ url: bill });
    expect(made.status, made.text).toBe(200);
    expect(made.type).toMatch(/^text\/plain/);
    expect(made.text).toMatch(new RegExp(`^${server.baseUrl}/eus/[2-9a-zA-Z]{10}$`));
    const res = await open(made.text);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(bill);
  });

  it("stops redirecting when the link expires: the tenant's default, a requested end, and never past the tenant's maximum", async () => {
    const lodhipur = (await shorten({ url: bill })).text;
    const bhadson = (await shorten({ url: bill.replace('pb.lodhipur', 'pb.bhadson') })).text;
    const asked = (await shorten({ url: bill, validTill: clock.now() + 2 * DAY })).text;
    const tooLong = (await shorten({ url: bill, tenantId: 'pb.bhadson', validTill: clock.now() + 365 * DAY })).text;
    clock.advance(2 * DAY);
    expect((await open(asked)).status).toBe(410);
    expect((await open(lodhipur)).status).toBe(302);
    // Bhadson's links live 7 days by default (shortener/links.yaml), at most 31.
    clock.advance(5 * DAY);
    const gone = await open(bhadson);
    expect(gone.status).toBe(410);
    expect((await gone.json()).Errors[0].code).toBe('LINK_EXPIRED');
    expect((await open(lodhipur)).status).toBe(302);
    clock.advance(24 * DAY);
    expect((await open(tooLong)).status).toBe(410);
    expect((await open(lodhipur)).status).toBe(410);
  });

  it('refuses what is not a web URL, and knows no link it did not make', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'not a url', '', 'x'.repeat(5000)]) {
      const res = await shorten({ url });
      expect(res.status, url.slice(0, 30)).toBe(400);
    }
    expect((await open(`${server.baseUrl}/eus/nosuchlink`)).status).toBe(404);
    expect((await open(`${server.baseUrl}/eus/${'z'.repeat(300)}`)).status).toBe(404);
  });
});
