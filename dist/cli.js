#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);

// src/cli.ts
console.log("benchgate: not yet implemented");
