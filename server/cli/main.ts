#!/usr/bin/env node
/** Entry point of `candor` (bin/candor.js loads this through tsx). */
import { main } from './commands.js';

process.exitCode = await main(process.argv.slice(2));
