#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
} from "./cli-chunk-VID4ONBU.js";
import "./cli-chunk-IOGJCU5H.js";
import "./cli-chunk-CKPW7S3H.js";
import "./cli-chunk-TJYKG5Z2.js";
import {
  BASELINE_USAGE,
  RUN_USAGE
} from "./cli-chunk-4LKE2BYH.js";
export {
  BASELINE_USAGE,
  RUN_USAGE,
  baselineCommand,
  runCommand,
  runSettingsFrom,
  stderrLog
};
