/**
 * The IIFE app's entry: starts the app once `Temporal` exists (native, fetched by the loader, or
 * fetched here); exports nothing, so the bundle adds no global.
 */
import './jitless.ts';
import { startApp } from './app.ts';
import { ensureTemporal } from './temporal/ensureTemporal.ts';

ensureTemporal(() => void startApp());
