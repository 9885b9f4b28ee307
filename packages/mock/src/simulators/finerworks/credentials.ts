// The credentials this simulator accepts unless told otherwise. Distinctive values, so a leak is easy to find.
export const credentials = { webApiKey: '5f0c1d2e-mock-4fw0-web0-api0key00001', appKey: '9a8b7c6d-mock-4fw0-app0-key000000002' } as const;
