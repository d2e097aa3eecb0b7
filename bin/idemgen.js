#!/usr/bin/env node
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // An internal crash: print the stack so it can be reported.
    console.error(error);
    process.exitCode = 70;
  },
);
