// Safe Creative answers in UTF-8 XML, failures included, always with HTTP 200 (FACTS §1.5).
import { XMLBuilder } from 'fast-xml-parser';
import { type SimResponse, xml } from '../../types.js';

const builder = new XMLBuilder({ format: true, indentBy: '  ', ignoreAttributes: false });
const DECLARATION = { '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' } };

export const document = (root: string, content: unknown): SimResponse => xml(200, builder.build({ ...DECLARATION, [root]: content }));

export const errorDocument = (errorId: string, errorMessage: string): SimResponse => document('error', { errorId, errorMessage });
