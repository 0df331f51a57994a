/**
 * Imported first by every extension page that parses with zod. Zod compiles faster parsers with
 * `new Function` and probes once whether it may; under the extension's CSP (no 'unsafe-eval') the
 * probe fails, as it should, but Chrome reports it as a CSP violation on every page load, which
 * would hide a real one. `jitless` skips the probe and the compiling.
 */
import { z } from 'zod';

z.config({ jitless: true });
