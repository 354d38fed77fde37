// The client's modules import js/protocol.js and the pages link css/palette.css; both are written
// from the Java protocol package when the client is built (target/classes/webroot). Tests load the
// modules from the source tree, so this hook resolves those two files to the built ones.
import { register } from 'node:module';

register('./built-protocol-resolver.mjs', import.meta.url);
