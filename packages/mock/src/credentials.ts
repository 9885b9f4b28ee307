// The credentials each simulator accepts unless told otherwise (each simulator's own credentials.ts), by provider id.
import { MOCK_CREDENTIALS } from './generated/simulators.js';

export { MOCK_CREDENTIALS };

/** The credentials each simulator accepts, by provider id (the fields of {@link MOCK_CREDENTIALS}, as strings). */
export type MockCredentials = { [K in keyof typeof MOCK_CREDENTIALS]: { [F in keyof (typeof MOCK_CREDENTIALS)[K]]: string } };
