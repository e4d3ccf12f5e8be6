/**
 * The rep app's entry: the shop app plus the rep's quote editor (`mode="rep"`). The loader picks
 * it when the page asks for rep mode; otherwise shops load the smaller app without it.
 */
import quotePrintCss from '../react/styles/quote-print.css?inline';
import './jitless.ts';
import { startApp } from './app.ts';
import { RepConfigurator } from './RepConfigurator.tsx';
import { enableRepMode } from './repEditor.ts';
import { ensureTemporal } from './temporal/ensureTemporal.ts';

enableRepMode(RepConfigurator, quotePrintCss);
ensureTemporal(() => void startApp());
