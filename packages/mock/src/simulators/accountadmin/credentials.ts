// The credentials this simulator accepts unless told otherwise. Distinctive values, so a leak is easy to find.
export const credentials = { clientId: 'mock-2sms-client', clientSecret: 'mock-2sms-client-secret-0003' } as const;
