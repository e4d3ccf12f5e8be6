import * as z from 'zod/mini';

// zod decides per object schema, when the schema is created, whether to compile a parser with
// `new Function`; under a strict CSP even its probe is reported as a violation. This module is
// imported first by the app entry, so the flag is set before any schema (engine, react) exists.
z.config({ jitless: true });
