import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CatalogueApp } from './CatalogueApp.tsx';
import '../react/styles/madeto.css';
import '../react/styles/panels.css';
import './demo.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CatalogueApp catalogueUrl="/catalogue/index.json" />
  </StrictMode>,
);
