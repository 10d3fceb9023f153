#!/usr/bin/env node
// Entry point of the `nsviz` command. The CLI is TypeScript (it shares the pure core with the
// app); tsx compiles it on the fly so a checkout works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
