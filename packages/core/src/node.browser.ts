export { nodeHttpTransport } from './transport/node-transport.browser.js';
