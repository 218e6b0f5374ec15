#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
} from "./cli-chunk-DUDNE2LU.js";
import "./cli-chunk-B35I3D3X.js";
import "./cli-chunk-EB2L3I5X.js";
import "./cli-chunk-SGS7JKRX.js";
import {
  BASELINE_USAGE,
  RUN_USAGE
} from "./cli-chunk-DTLHDUMI.js";
export {
  BASELINE_USAGE,
  RUN_USAGE,
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
};
