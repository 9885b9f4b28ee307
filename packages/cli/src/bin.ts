#!/usr/bin/env node
// `creditkit`: see `creditkit --help`. Sets the exit code and lets pending output drain before exiting.
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2));
