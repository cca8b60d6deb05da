#!/usr/bin/env node
// tsc compiles only TypeScript: the block templates and their stylesheet go next to the compiled renderer.
import { cpSync } from 'node:fs';

cpSync('src/render/templates', 'dist/server/render/templates', { recursive: true });
