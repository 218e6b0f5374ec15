#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
} from "./cli-chunk-KUDWODQR.js";
import "./cli-chunk-KZ4WF3FL.js";
import "./cli-chunk-UQ7IEQOX.js";
import "./cli-chunk-UA4GODWJ.js";
import {
  BASELINE_USAGE,
  RUN_USAGE
} from "./cli-chunk-MK35M2OK.js";
export {
  BASELINE_USAGE,
  RUN_USAGE,
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
};
