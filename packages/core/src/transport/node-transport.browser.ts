// Browsers and edge runtimes have no transport that can send a body on GET: the fetch transport refuses it
// before anything is sent, and every other request goes through fetch as usual.
export { fetchTransport as nodeHttpTransport } from './fetch-transport.js';
