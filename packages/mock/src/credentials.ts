// The credentials each simulator accepts unless told otherwise. Distinctive values, so a leak is easy to find.
export const MOCK_CREDENTIALS = {
  finerworks: { webApiKey: '5f0c1d2e-mock-4fw0-web0-api0key00001', appKey: '9a8b7c6d-mock-4fw0-app0-key000000002' },
  // Fusebill shows keys already base64-encoded ("0:<secret>"); clients send them verbatim.
  fusebill: { apiKey: 'MDpNT0NLLUZVU0VCSUxMLVNFQ1JFVC0wMDAx' },
  softwaredna: { clientId: 'C0001234', apiKey: 'MOCKDNAAPIKEY7Q2W3E4R5T6Y' },
  accountadmin: { clientId: 'mock-2sms-client', clientSecret: 'mock-2sms-client-secret-0003' },
  safecreative: { authkey: 'mockauthkey6i716m0pecao2', privateKey: 'mockprivkey1f5lcps1hvpo7y' },
} as const;

export type MockCredentials = { [K in keyof typeof MOCK_CREDENTIALS]: { [F in keyof (typeof MOCK_CREDENTIALS)[K]]: string } };
