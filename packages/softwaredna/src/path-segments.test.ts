// productId and licenseId are URL path segments. A value that URL normalisation would rewrite (`..` climbs
// out of /v1/credits, `.` vanishes) or that a server may read as a separator (`/`, `\`) would query another
// resource: it is refused before anything is sent.
import { ValidationError } from '@creditkit/core';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '@creditkit/test-support';
import { createSoftwareDnaClient, type QueryCreditsInput } from './index.js';

const mock = useMockServer({ providers: ['softwaredna'] });
const client = () => createSoftwareDnaClient({ ...mock.credentials.softwaredna, baseUrl: mock.url('softwaredna') });
const query = (overrides: Partial<QueryCreditsInput>): QueryCreditsInput => ({ productId: 'P0001234', licenseId: 'TEST12345', Target: 'LICENSE', UserIp: '203.0.113.9', ...overrides });
const fail = (p: Promise<unknown>) => p.then(() => expect.unreachable('expected the call to fail'), (e: unknown) => e as ValidationError);

const REFUSED = [
  ['productId', '..', 'productId is a URL path segment and must not be ".."'],
  ['productId', '.', 'productId is a URL path segment and must not be "."'],
  ['licenseId', '..', 'licenseId is a URL path segment and must not be ".."'],
  ['licenseId', '.', 'licenseId is a URL path segment and must not be "."'],
  ['licenseId', 'TEST12345/../x', 'licenseId is a URL path segment and must not contain / or \\'],
  ['productId', '..\\P0001234', 'productId is a URL path segment and must not contain / or \\'],
] as const;

describe('software_DNA path parameters', () => {
  it('refuses ".", "..", "/" and "\\" in productId and licenseId with a ValidationError naming the field and the rule; nothing reaches the server', async () => {
    for (const [field, value, message] of REFUSED) {
      const error = await fail(client().queryCredits(query({ [field]: value })));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error.issues).toEqual([{ path: field, rule: 'pathSegment', message }]);
    }
    expect(mock.requests).toHaveLength(0);
    // Dots inside a segment and percent signs are data: sent encoded, as one segment, to the resource named.
    await expect(client().queryCredits(query({ licenseId: '..TEST' }))).rejects.toMatchObject({ status: 404 });
    await expect(client().queryCredits(query({ licenseId: '%2e%2e' }))).rejects.toMatchObject({ status: 404 });
    expect(mock.requests.map((r) => r.path)).toEqual(['/v1/credits/P0001234/..TEST', '/v1/credits/P0001234/%252e%252e']);
  });
});
