/** The IIFE app's entry: starts the app; exports nothing, so the bundle adds no global. */
import './jitless.ts';
import { startApp } from './app.ts';

startApp();
