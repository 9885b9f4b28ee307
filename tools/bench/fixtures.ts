// The bodies the bench sends and answers: one valid request and one valid answer per operation measured.
import { RESPONSE_JSON, RESPONSE_XML } from '@creditkit/test-support/accountadmin-page-samples';

/** FinerWorks `POST /v3/buy_account_credits`: the request every JSON contender sends, byte for byte the same. */
export const FINERWORKS_PATH = '/v3/buy_account_credits';
export const FINERWORKS_INPUT = { amount: 250, cart_id: 'bench-cart' };
export const FINERWORKS_KEYS = { webApiKey: 'bench-web-api-key-0001', appKey: 'bench-app-key-0002' };
export const FINERWORKS_HEADERS = { web_api_key: FINERWORKS_KEYS.webApiKey, app_key: FINERWORKS_KEYS.appKey };
/** A success answer as the simulator gives it (packages/mock, finerworks). */
export const FINERWORKS_ANSWER = JSON.stringify({
  product_id: 1001,
  status: { success: true, status_code: 100, message: 'Account credit added to cart.', debug: {}, reference_id: 'ref-bench01', domain: 'test-api.finerworks.com' },
});

/** 2sms AccountAdmin `PurchaseCredits` and its OAuth2 token endpoint. */
export const ACCOUNTADMIN_PATH = '/api/v1/AccountAdminAPI/PurchaseCredits';
export const ACCOUNTADMIN_TOKEN_PATH = '/Token';
export const ACCOUNTADMIN_KEYS = { clientId: 'bench-client-id', clientSecret: 'bench-client-secret' };
export const ACCOUNTADMIN_INPUT = {
  Billing: { Address: '1 Bench Street', Company: 'Bench Ltd', Email: 'bench@example.com', Mobile: '+440000000000', Phone: '+440000000001' },
  PurchaseOrder: 'PO-bench',
};
export const ACCOUNTADMIN_TOKEN_ANSWER = JSON.stringify({ access_token: 'bench-access-token-0003', token_type: 'bearer', expires_in: 86_400 });
// The vendor page's samples carry a filled-in `Error` block, which the spec's body-error rule reads as a
// failure; a successful answer is the same document without it.
export const ACCOUNTADMIN_ANSWER_XML = RESPONSE_XML.replace(/\s*<Error>[\s\S]*?<\/Error>/, '');
export const ACCOUNTADMIN_ANSWER_JSON = JSON.stringify((({ Error: _, ...rest }) => rest)(JSON.parse(RESPONSE_JSON) as Record<string, unknown>));
export { RESPONSE_XML as ACCOUNTADMIN_PAGE_XML };

/** Safe Creative `user.newsale`: the vendor page's answer, as reproduced in packages/safecreative's tests. */
export const SAFECREATIVE_PAGE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<sale>
  <code>PS1608100003311</code>
  <status>PAYMENT_PENDING</status>
  <paymentlink>https://account.safecreative.org/sale/PS1608100003311?r=http%3A%2F%2Fexample.com%2Fsale-return&amp;c=http%3A%2F%2Fexample.com%2Fsale-cancel</paymentlink>
</sale>`;
