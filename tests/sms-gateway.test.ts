import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDefinitions } from '../engine/boot/index.ts';
import { httpGatewaySender } from '../engine/sms/index.ts';

/** A gateway's side of the line: what each request carried. */
interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

describe('the HTTP SMS gateway provider, against a receiver the test starts', () => {
  const received: Received[] = [];
  let receiver: Server;
  let base: string;
  let answer = 200;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        res.writeHead(answer, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  // The shipped (disabled) gateway definition, pointed at the receiver.
  const shipped = validateDefinitions('definitions').registry!.smsProviders.find((p) => p.provider === 'HTTP_GATEWAY')!;
  const env = { SEVA_SMS_USER: 'gp-user', SEVA_SMS_PASSWORD: 'p&ss=word' };
  const message = { recipient: '9876543210', text: 'Your OTP is 123456 & valid 15 min', templateId: '1007000000000000001', tenantId: 'pb.lodhipur', category: 'OTP' };

  it('posts the form the YAML describes: prefixed number, text, template id, credentials from the environment', async () => {
    await httpGatewaySender({ ...shipped, url: `${base}/esms/sendsmsrequest` }, env).send(message);
    const got = received.at(-1)!;
    expect([got.method, got.url, got.headers['content-type'], got.headers['x-tenant']]).toEqual(['POST', '/esms/sendsmsrequest', 'application/x-www-form-urlencoded', 'pb.lodhipur']);
    expect(Object.fromEntries(new URLSearchParams(got.body))).toEqual({
      username: 'gp-user',
      password: 'p&ss=word',
      senderid: 'SEVAGP',
      mobileno: '919876543210',
      content: 'Your OTP is 123456 & valid 15 min',
      templateid: '1007000000000000001',
      smsservicetype: 'singlemsg',
    });
  });

  it('a GET gateway takes the parameters in the query string, and a JSON one in a JSON body', async () => {
    await httpGatewaySender({ ...shipped, method: 'GET', url: `${base}/send?key={{ secrets.user }}` }, env).send(message);
    const get = received.at(-1)!;
    const url = new URL(get.url, base);
    expect([get.method, url.pathname, url.searchParams.get('key'), url.searchParams.get('mobileno'), url.searchParams.get('content'), get.body]).toEqual(['GET', '/send', 'gp-user', '919876543210', message.text, '']);
    await httpGatewaySender({ ...shipped, encoding: 'json', url: `${base}/json` }, env).send(message);
    const json = received.at(-1)!;
    expect(json.headers['content-type']).toBe('application/json');
    expect(JSON.parse(json.body)).toMatchObject({ mobileno: '919876543210', password: 'p&ss=word', templateid: '1007000000000000001' });
  });

  it('a refusal by the gateway, or a missing secret, is an error naming the provider', async () => {
    answer = 503;
    await expect(httpGatewaySender({ ...shipped, url: `${base}/down` }, env).send(message)).rejects.toMatchObject({ code: 'SMS_SEND_FAILED', message: 'SMS provider HTTP_GATEWAY answered 503' });
    answer = 200;
    expect(() => httpGatewaySender(shipped, { SEVA_SMS_USER: 'gp-user' })).toThrow("SMS provider HTTP_GATEWAY needs the environment variable SEVA_SMS_PASSWORD (its secret 'password')");
  });
});
