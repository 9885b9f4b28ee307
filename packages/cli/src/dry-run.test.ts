import { type MockServer, startMockServer } from '@creditkit/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@creditkit/test-support/cli';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ providers: ['finerworks', 'softwaredna'] });
});
afterAll(() => mock.close());

const webApiKey = 'dryrun-web-key-5b1e0c77aa';
const appKey = 'dryrun-app-key-93d2f04e1c';

describe('creditkit <provider> <operation> --dry-run', { timeout: 60_000 }, () => {
  it('prints the exact request with secrets redacted, sends nothing and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(
      ['finerworks', 'buyAccountCredits', '--dry-run', '--base-url', mock.url('finerworks'), '--credential', `webApiKey=${webApiKey}`, '--data', '{"amount":250,"cart_id":"dry"}'],
      { env: { FINERWORKS_APP_KEY: appKey } },
    );
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        `POST ${mock.url('finerworks')}/v3/buy_account_credits`,
        'accept: application/json',
        'app_key: [REDACTED]',
        'content-type: application/json',
        'web_api_key: [REDACTED]',
        '',
        '{"amount":250,"cart_id":"dry"}',
        '',
      ].join('\n'),
    );
    expect(stderr).toBe('dry run: nothing was sent\n');
    expect(stdout + stderr).not.toContain(webApiKey);
    expect(stdout + stderr).not.toContain(appKey);
    expect(mock.requests).toHaveLength(0);
  });

  it('scrubs a credential by value wherever it shows up, and works without credentials', async () => {
    // The key echoed into the body (a silly but possible input) is caught by value, not by name.
    const { code, stdout, stderr } = await runCli(['finerworks', 'buyAccountCredits', '--dry-run', '--json', '--data', JSON.stringify({ amount: 250, cart_id: webApiKey })], {
      env: { FINERWORKS_WEB_API_KEY: webApiKey },
    });
    expect(code).toBe(0);
    const [request] = (JSON.parse(stdout) as { requests: { method: string; url: string; headers: Record<string, string>; body: string }[] }).requests;
    expect(request).toEqual({
      purpose: 'operation',
      method: 'POST',
      url: 'https://test-api.finerworks.com/v3/buy_account_credits',
      headers: expect.objectContaining({ web_api_key: '[REDACTED]', app_key: '[REDACTED]' }),
      body: '{"amount":250,"cart_id":"[REDACTED]"}',
    });
    expect(stderr).toContain('FINERWORKS_APP_KEY is not set; a placeholder stands in');
    expect(stdout + stderr).not.toContain(webApiKey);
  });

  it('sends nothing either for a provider whose transport bypasses fetch (software_DNA: node:http for a GET body)', async () => {
    const apiKey = 'DRYRUNDNAKEY0000000000042';
    const { code, stdout } = await runCli(
      ['softwaredna', 'queryCredits', '--dry-run', '--base-url', mock.url('softwaredna'), '--data', JSON.stringify({ productId: 'P0001234', licenseId: 'TEST12345', Target: 'LICENSE', UserIp: '203.0.113.9' })],
      { env: { SOFTWAREDNA_CLIENT_ID: 'C0001234', SOFTWAREDNA_API_KEY: apiKey } },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^GET ${mock.url('softwaredna')}/v1/credits/P0001234/TEST12345\n`));
    expect(stdout).toContain('authorization: [REDACTED]');
    expect(stdout).toContain('{"Target":"LICENSE","UserIp":"203.0.113.9"}');
    expect(stdout).not.toContain(apiKey);
    expect(mock.requests).toHaveLength(0);
  });

  it('shows an OAuth2 token request first, answered with a placeholder, with the client secret and token redacted', async () => {
    const clientSecret = 'dryrun-2sms-secret-61c0aa';
    const { code, stdout } = await runCli(['accountadmin', 'purchaseCredits', '--dry-run', '--mock', '--credential', `clientSecret=${clientSecret}`, '--data', '{"Billing":{"Email":"a@b.c"}}']);
    expect(code).toBe(0);
    const [token, purchase] = stdout.split('\n\n# ');
    expect(token).toMatch(/^# token request .*\nPOST http:\/\/127\.0\.0\.1:\d+\/accountadmin\/Token\n/);
    expect(token).toContain('client_secret=[REDACTED]');
    expect(purchase).toMatch(/^the operation's request\nPOST .*\/api\/v1\/AccountAdminAPI\/PurchaseCredits\n/);
    expect(purchase).toContain('authorization: [REDACTED]');
    expect(stdout).not.toContain(clientSecret);
    expect(stdout).not.toContain('placeholder-token');
  });

  it('still validates: invalid input exits 3', async () => {
    const { code, stdout } = await runCli(['finerworks', 'buyAccountCredits', '--dry-run', '--mock', '--data', '{"amount":1}']);
    expect(code).toBe(3);
    expect(stdout).toBe('');
  });
});
