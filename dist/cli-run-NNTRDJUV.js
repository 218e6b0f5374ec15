#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
} from "./cli-chunk-5QSPRF7J.js";
import "./cli-chunk-74WLYA74.js";
import "./cli-chunk-CLJREOBU.js";
import "./cli-chunk-6JQ5V24O.js";
import {
  BASELINE_USAGE,
  RUN_USAGE
} from "./cli-chunk-CWSGAFI4.js";
export {
  BASELINE_USAGE,
  RUN_USAGE,
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
};
