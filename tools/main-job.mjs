// The README's main job (first cut): start the embedded simulators and buy FinerWorks credits through the
// built package, printing the typed result. Runs against the built dist/ files, as a user would.
import { createFinerWorksClient } from '@creditkit/finerworks';
import { startMockServer } from '@creditkit/mock';

const mock = await startMockServer();
try {
  const finerworks = createFinerWorksClient({ ...mock.credentials.finerworks, baseUrl: mock.url('finerworks') });
  const result = await finerworks.buyAccountCredits({ amount: 250, cart_id: 'demo-cart' });
  console.log('FinerWorks buyAccountCredits ->', JSON.stringify(result, null, 2));
} finally {
  await mock.close();
}
