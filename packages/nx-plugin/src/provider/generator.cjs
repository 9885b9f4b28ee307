// Nx loads a generator with require(); on Node 20 it cannot strip TypeScript types itself, so this shim loads
// the TypeScript generator through tsx (a workspace dev tool), with no build step for the plugin.
const tsx = require('tsx/cjs/api');

module.exports = async function providerGenerator(tree, options) {
  const { providerGenerator } = tsx.require('./generator.ts', __filename);
  return providerGenerator(tree, options);
};
