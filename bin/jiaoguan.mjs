#!/usr/bin/env node
// Runs the TypeScript CLI in this same process (tsx's loader), so signals and exit codes reach it directly.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
