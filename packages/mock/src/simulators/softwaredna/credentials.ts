// The credentials this simulator accepts unless told otherwise. Distinctive values, so a leak is easy to find.
export const credentials = { clientId: 'C0001234', apiKey: 'MOCKDNAAPIKEY7Q2W3E4R5T6Y' } as const;
