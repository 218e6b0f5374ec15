#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  finishShard,
  mergeCommand,
  mergedExtra
} from "./cli-chunk-DUDNE2LU.js";
import "./cli-chunk-B35I3D3X.js";
import "./cli-chunk-EB2L3I5X.js";
import "./cli-chunk-SGS7JKRX.js";
import "./cli-chunk-DTLHDUMI.js";
export {
  finishShard,
  mergeCommand,
  mergedExtra
};
