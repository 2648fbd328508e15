import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import "./app.css";
import { startServiceWorker } from "./service-worker";
import { rememberPanels } from "./panel-prefs";
import { useSeams } from "../store/store";

rememberPanels(useSeams);

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

startServiceWorker();
