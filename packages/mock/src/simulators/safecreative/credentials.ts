// The credentials this simulator accepts unless told otherwise. Distinctive values, so a leak is easy to find.
export const credentials = { authkey: 'mockauthkey6i716m0pecao2', privateKey: 'mockprivkey1f5lcps1hvpo7y' } as const;
