// Resolves <source webroot>/js/protocol.js to <build output webroot>/js/protocol.js (see built-protocol.mjs).
const source = new URL('../../main/resources/webroot/', import.meta.url).href;
const built = new URL('../../../target/classes/webroot/', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (context.parentURL && specifier.endsWith('protocol.js')) {
    const target = new URL(specifier, context.parentURL).href;
    if (target === `${source}js/protocol.js`) return { url: `${built}js/protocol.js`, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
