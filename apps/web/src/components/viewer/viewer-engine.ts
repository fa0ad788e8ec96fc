// The document viewer's engine, chosen through a context: DeepZoom tiles on a canvas in the browser (dzi-engine),
// a stub in jsdom tests (which have no canvas).
import { createContext, useContext } from 'react';
import { createDziEngine } from './dzi-engine';
import type { CreateViewerEngine } from './viewer-engine-types';

export const ViewerEngineContext = createContext<CreateViewerEngine>(createDziEngine);

export const useCreateViewerEngine = () => useContext(ViewerEngineContext);
