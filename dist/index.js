#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);

// src/index.ts
console.log("benchgate action: not yet implemented");
