/// <reference types="vite/client" />
/**
 * The genre lexicon (`data/lexicon.txt`), bundled as text by Vite and compiled once: the dashboard
 * sees placeholders (and everything else the lexicon defines) exactly as the ingest does.
 */
import { compileLexicon, type Lexicon } from '../common/lexicon';
import lexiconText from '../data/lexicon.txt?raw';

/** The compiled genre lexicon. */
export const LEXICON: Lexicon = compileLexicon(lexiconText, 'data/lexicon.txt');
