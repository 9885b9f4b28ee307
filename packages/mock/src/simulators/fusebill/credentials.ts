// The credentials this simulator accepts unless told otherwise. Distinctive values, so a leak is easy to find.
// Fusebill shows keys already base64-encoded ("0:<secret>"); clients send them verbatim.
export const credentials = { apiKey: 'MDpNT0NLLUZVU0VCSUxMLVNFQ1JFVC0wMDAx' } as const;
