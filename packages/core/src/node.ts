export { nodeHttpTransport } from './transport/node-transport.js';
