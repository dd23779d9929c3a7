#!/usr/bin/env node
import '../dist/recall.js';
