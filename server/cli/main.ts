#!/usr/bin/env node
/** Entry point of `candor`: bin/candor.js loads it from source (tsx) or from the build. */
import { main } from './commands.js';

process.exitCode = await main(process.argv.slice(2));
